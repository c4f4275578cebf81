package io.mcpcluster.dispatch;

import io.mcpcluster.api.ToolResponse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Bounds how long a tool call runs. When its time is up the call is answered at once (the stage this
 * returns fails with {@link TimedOut}), its {@code Cancellation} is requested, and the thread that is
 * still inside the tool method is interrupted; a tool that ignores both keeps its thread until it returns,
 * but its answer is no longer awaited.
 */
final class ToolDeadlines {
    private static final Logger LOG = Logger.getLogger(ToolDeadlines.class.getName());

    /** A tool call that ran past its timeout. */
    static final class TimedOut extends RuntimeException {
        TimedOut(String tool, long millis) {
            super("Tool '" + tool + "' did not finish within " + millis + " ms and was cancelled", null, false, false);
        }
    }

    private final ScheduledExecutorService scheduler;
    private final long defaultMillis;

    ToolDeadlines(ScheduledExecutorService scheduler, long defaultMillis) {
        this.scheduler = scheduler;
        this.defaultMillis = defaultMillis;
    }

    /** Runs {@code call} on this thread; {@code toolMillis} is the tool's own timeout (0: the default). */
    CompletionStage<ToolResponse> run(String tool, long toolMillis, RequestContext ctx,
                                      Supplier<CompletionStage<ToolResponse>> call) {
        long millis = toolMillis == 0 ? defaultMillis : toolMillis;
        if (millis <= 0 || scheduler == null) {
            return Stages.call(call);
        }
        CompletableFuture<ToolResponse> outcome = new CompletableFuture<>();
        Thread caller = Thread.currentThread();
        // Guards "the caller is still inside the tool": it is interrupted only then, never once it moved on.
        boolean[] inside = {true};
        boolean[] interrupted = {false};
        ScheduledFuture<?> timer = scheduler.schedule(() -> {
            if (outcome.completeExceptionally(new TimedOut(tool, millis))) {
                LOG.warning(() -> "Tool " + tool + " timed out after " + millis + " ms: cancelled");
                ctx.cancel();
                synchronized (inside) {
                    if (inside[0]) {
                        interrupted[0] = true;
                        caller.interrupt();
                    }
                }
            }
        }, millis, TimeUnit.MILLISECONDS);
        CompletionStage<ToolResponse> stage;
        try {
            stage = Stages.call(call);
        } finally {
            synchronized (inside) {
                inside[0] = false;
                if (interrupted[0]) {
                    Thread.interrupted(); // the answer is written on this thread: no stray interrupt there
                }
            }
        }
        stage.whenComplete((response, failure) -> {
            timer.cancel(false);
            if (failure == null) {
                outcome.complete(response);
            } else {
                outcome.completeExceptionally(failure);
            }
        });
        return outcome;
    }
}
