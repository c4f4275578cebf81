package io.mcpcluster.api;

/**
 * Reports {@code notifications/progress} for the current request, when the client sent a
 * {@code _meta.progressToken} (the token is echoed with its JSON type). Without a token every call
 * is a no-op. Progress must increase; the server does not check that for you.
 */
public interface Progress {
    boolean hasToken();

    void notify(double progress, Double total, String message);

    default void notify(double progress, double total) {
        notify(progress, total, null);
    }
}
