package io.mcpcluster.infinispan;

import io.mcpcluster.infinispan.routing.RoutedValue;
import io.mcpcluster.infinispan.routing.TargetNodeFilter;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryModifiedEvent;

import java.util.function.BiConsumer;

/**
 * One per node and cache: receives the entries that {@link TargetNodeFilter} let through. Runs on a
 * JGroups or writer thread with the key locked, so it only hands the entry on; the consumer must not
 * block or touch the cache. Every key is written once, but a put retried after a topology change (a
 * member joining or leaving) may be notified as a modification instead of a creation (Infinispan's
 * {@code isCommandRetried}): taken too, else such an entry reaches its stream only when a later event
 * reveals the gap. Consumers take duplicates already.
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

    @CacheEntryModified
    public void onEntryModified(CacheEntryModifiedEvent<String, String> event) {
        if (event.isPre() || event.getValue() == null || !event.isCommandRetried()) {
            return;
        }
        onEntry.accept(event.getKey(), RoutedValue.decode(event.getValue()));
    }
}
