package io.mcpcluster.dispatch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Small helpers for user code that may throw instead of returning a failed stage. */
final class Stages {
    private Stages() {
    }

    static <T> CompletionStage<T> call(Supplier<CompletionStage<T>> body) {
        try {
            CompletionStage<T> stage = body.get();
            return stage == null ? CompletableFuture.completedFuture(null) : stage;
        } catch (RuntimeException | Error e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
