package io.mcpcluster.infinispan;

import io.mcpcluster.session.PendingRequests;
import org.infinispan.Cache;
import org.infinispan.context.Flag;

import java.util.concurrent.TimeUnit;

/** Pending server-to-client requests: key {@code session + ' ' + request id}, value the waiting node. */
final class InfinispanPendingRequests implements PendingRequests {
    private final Cache<String, String> pending;

    InfinispanPendingRequests(Cache<String, String> pending) {
        this.pending = pending;
    }

    @Override
    public void register(String sessionId, String requestId, String node, long timeoutMillis) {
        pending.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES)
                .put(key(sessionId, requestId), node, timeoutMillis + 5_000, TimeUnit.MILLISECONDS);
    }

    @Override
    public String waiter(String sessionId, String requestId) {
        return pending.get(key(sessionId, requestId));
    }

    @Override
    public void remove(String sessionId, String requestId) {
        pending.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES).removeAsync(key(sessionId, requestId));
    }

    private static String key(String sessionId, String requestId) {
        return sessionId + ' ' + requestId;
    }
}
