package io.mcpcluster.session;

/**
 * The cluster's memory of the client requests it has begun to execute, by (session, JSON-RPC id): a
 * request that arrives twice (a balancer retrying a POST whose node died) is recognised on every node,
 * so that it never executes twice. Remembered for {@value #WINDOW_SECONDS} seconds, far longer than
 * any retry by a proxy.
 */
public interface InboundRequests {
    long WINDOW_SECONDS = 120;
    /** Prefix of the mark of a request that died with the node that accepted it (followed by that node's name). */
    String LOST_WITH = "lost:";

    /**
     * Records that {@code node} executes the request; returns null when it is new, else the node that
     * took it first.
     */
    String begin(String sessionId, String requestId, String node);
}
