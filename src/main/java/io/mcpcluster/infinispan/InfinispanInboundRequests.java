package io.mcpcluster.infinispan;

import io.mcpcluster.session.InboundRequests;
import org.infinispan.Cache;

import java.util.concurrent.TimeUnit;

/**
 * Requests begun, in the {@code pending} cache beside the server-to-client requests (both are requests
 * in flight between a client and a node): key {@code "in " + session + ' ' + request id}, value the
 * executing node.
 */
final class InfinispanInboundRequests implements InboundRequests {
    private final Cache<String, String> pending;

    InfinispanInboundRequests(Cache<String, String> pending) {
        this.pending = pending;
    }

    @Override
    public String begin(String sessionId, String requestId, String node) {
        return TopologyRetry.call(() -> pending.putIfAbsent("in " + sessionId + ' ' + requestId, node,
                WINDOW_SECONDS, TimeUnit.SECONDS));
    }
}
