package io.mcpcluster.infinispan;

import io.mcpcluster.cluster.CacheOperations;
import org.infinispan.Cache;
import org.infinispan.stats.Stats;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@link CacheOperations} from Infinispan's own cache statistics, switched on at start for the
 * product's caches only when asked (every cache has the statistics interceptor; off, it counts
 * nothing). Infinispan counts an operation on the node that asked for it, not on the owners that
 * store or back it up, so the sum over the nodes is the operations the requests caused. Counted:
 * stores (put, replace, compute…), hits and misses of reads, hits and misses of removes; not
 * counted: iterations and queries, expiration, the replication of a write to its owners.
 */
final class InfinispanCacheOperations implements CacheOperations {
    private final List<Cache<?, ?>> caches;

    /** Counts on {@code caches} if {@code enabled}, else answers empty and leaves the caches as they are. */
    InfinispanCacheOperations(List<Cache<?, ?>> caches, boolean enabled) {
        this.caches = enabled ? List.copyOf(caches) : List.of();
        this.caches.forEach(cache -> cache.getAdvancedCache().getStats().setStatisticsEnabled(true));
    }

    @Override
    public OptionalLong count() {
        if (caches.isEmpty()) {
            return OptionalLong.empty();
        }
        long sum = 0;
        for (Cache<?, ?> cache : caches) {
            Stats s = cache.getAdvancedCache().getStats();
            sum += s.getStores() + s.getHits() + s.getMisses() + s.getRemoveHits() + s.getRemoveMisses();
        }
        return OptionalLong.of(sum);
    }
}
