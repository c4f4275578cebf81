package io.mcpcluster.session;

/**
 * Cluster-wide record of server-to-client requests awaiting the client's answer: which node waits for
 * it. The answer may be POSTed to any node; that node looks the waiter up here.
 */
public interface PendingRequests {
    void register(String sessionId, String requestId, String node, long timeoutMillis);

    /** The waiting node, or null when the request is unknown, answered or expired. */
    String waiter(String sessionId, String requestId);

    void remove(String sessionId, String requestId);
}
