package io.mcpcluster.transport.console;

import io.mcpcluster.console.HttpActivity;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Counts every request to an MCP endpoint and its final status for the console ({@link HttpActivity}),
 * first of all filters so that refusals count too. An asynchronous request (a POST whose body is read
 * without a thread, an event stream) is counted when it completes.
 */
public class ActivityFilter extends HttpFilter {
    private transient HttpActivity activity;

    @Override
    public void init() {
        activity = CDI.current().select(HttpActivity.class).get();
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        boolean passed = false;
        try {
            chain.doFilter(req, resp);
            passed = true;
        } finally {
            if (passed && req.isAsyncStarted()) {
                req.getAsyncContext().addListener(new CountOnComplete(resp));
            } else {
                activity.answered(passed ? resp.getStatus() : 500);
            }
        }
    }

    /** Counts once, at the end; follows the request through a second {@code startAsync}. */
    private final class CountOnComplete implements AsyncListener {
        private final HttpServletResponse response;

        CountOnComplete(HttpServletResponse response) {
            this.response = response;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            activity.answered(response.getStatus());
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this); // a new startAsync drops the listeners registered before
        }
    }
}
