package io.mcpcluster.infinispan;

import io.mcpcluster.session.RequestStateStore;
import org.infinispan.Cache;

import java.util.concurrent.TimeUnit;

/**
 * The {@code requestState} key and used nonces, in the {@code pending} cache beside the requests in
 * flight: key {@code "rs-key " + id} (kept, no expiry) and {@code "rs-used " + nonce} (kept as long as
 * the state could still be valid).
 */
final class InfinispanRequestStates implements RequestStateStore {
    private final Cache<String, String> pending;

    InfinispanRequestStates(Cache<String, String> pending) {
        this.pending = pending;
    }

    @Override
    public String sharedKey(String keyId, String candidate) {
        String stored = TopologyRetry.call(() -> pending.putIfAbsent("rs-key " + keyId, candidate));
        return stored == null ? candidate : stored;
    }

    @Override
    public boolean firstUse(String nonce, long ttlMillis) {
        return TopologyRetry.call(() -> pending.putIfAbsent("rs-used " + nonce, "used", ttlMillis,
                TimeUnit.MILLISECONDS)) == null;
    }
}
