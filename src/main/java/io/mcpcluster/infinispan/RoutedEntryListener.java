package io.mcpcluster.infinispan;

import io.mcpcluster.infinispan.routing.RoutedValue;
import io.mcpcluster.infinispan.routing.TargetNodeFilter;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent;

import java.util.function.BiConsumer;

/**
 * One per node and cache: receives the entries that {@link TargetNodeFilter} let through. Runs on a
 * JGroups or writer thread with the key locked, so it only hands the entry on; the consumer must not
 * block or touch the cache.
 */
@Listener(clustered = true)
public final class RoutedEntryListener {
    private final BiConsumer<String, RoutedValue> onEntry;

    RoutedEntryListener(BiConsumer<String, RoutedValue> onEntry) {
        this.onEntry = onEntry;
    }

    @CacheEntryCreated
    public void onEntryCreated(CacheEntryCreatedEvent<String, String> event) {
        if (event.isPre() || event.getValue() == null) {
            return;
        }
        onEntry.accept(event.getKey(), RoutedValue.decode(event.getValue()));
    }
}
