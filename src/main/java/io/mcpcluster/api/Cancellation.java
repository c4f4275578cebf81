package io.mcpcluster.api;

/**
 * Whether the client cancelled the current request ({@code notifications/cancelled}, which may arrive
 * at any node). Long-running tools should check it; the server drops the result of a cancelled request.
 */
public interface Cancellation {
    boolean isRequested();

    /** Throws {@link java.util.concurrent.CancellationException} when cancellation was requested. */
    default void skipProcessingIfCancelled() {
        if (isRequested()) {
            throw new java.util.concurrent.CancellationException("Cancelled by the client");
        }
    }
}
