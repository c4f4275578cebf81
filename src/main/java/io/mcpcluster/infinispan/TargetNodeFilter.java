package io.mcpcluster.infinispan;

import org.infinispan.metadata.Metadata;
import org.infinispan.notifications.cachelistener.filter.CacheEventFilter;
import org.infinispan.notifications.cachelistener.filter.EventType;

/**
 * Runs where a routed entry is written and lets through only the entries addressed to
 * {@link #nodeName} (or to every node) that another node wrote. Holds nothing but the name, because
 * it is shipped to every node.
 */
public final class TargetNodeFilter implements CacheEventFilter<String, String> {
    private final String nodeName;

    public TargetNodeFilter(String nodeName) {
        this.nodeName = nodeName;
    }

    public String nodeName() {
        return nodeName;
    }

    @Override
    public boolean accept(String key, String oldValue, Metadata oldMetadata, String newValue, Metadata newMetadata,
                          EventType eventType) {
        return RoutedValue.isFor(newValue, nodeName);
    }
}
