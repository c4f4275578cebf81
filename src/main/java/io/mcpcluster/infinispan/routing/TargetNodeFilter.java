package io.mcpcluster.infinispan.routing;

import org.infinispan.metadata.Metadata;
import org.infinispan.notifications.cachelistener.filter.CacheEventFilter;
import org.infinispan.notifications.cachelistener.filter.EventType;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;

/**
 * Runs where a routed entry is written and lets through only the entries addressed to
 * {@link #nodeName} (or to every node) that another node wrote. Holds nothing but the name, because
 * it is shipped to every node as a ProtoStream type ({@link McpProtoSchema}): registered by
 * infinispan.xml on Jetty, found by WildFly's cache container in the static module that holds this
 * package (wildfly-cli/mcp-caches.cli).
 */
public final class TargetNodeFilter implements CacheEventFilter<String, String> {
    private final String nodeName;

    @ProtoFactory
    public TargetNodeFilter(String nodeName) {
        this.nodeName = nodeName;
    }

    @ProtoField(number = 1)
    public String nodeName() {
        return nodeName;
    }

    @Override
    public boolean accept(String key, String oldValue, Metadata oldMetadata, String newValue, Metadata newMetadata,
                          EventType eventType) {
        return RoutedValue.isFor(newValue, nodeName);
    }
}
