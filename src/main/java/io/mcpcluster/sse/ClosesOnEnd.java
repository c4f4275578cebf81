package io.mcpcluster.sse;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/** Runs {@code close} when the container ends the async request for any reason: completed, timed out, failed. */
public record ClosesOnEnd(Runnable close) implements AsyncListener {

    @Override
    public void onComplete(AsyncEvent event) {
        close.run();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close.run();
    }

    @Override
    public void onError(AsyncEvent event) {
        close.run();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Streams are built after startAsync and never re-dispatched.
    }
}
