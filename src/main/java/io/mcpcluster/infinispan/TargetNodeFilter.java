package io.mcpcluster.infinispan;

import org.infinispan.metadata.Metadata;
import org.infinispan.notifications.cachelistener.filter.CacheEventFilter;
import org.infinispan.notifications.cachelistener.filter.EventType;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;

import java.io.Serializable;

/**
 * Runs where a routed entry is written and lets through only the entries addressed to
 * {@link #nodeName} (or to every node) that another node wrote. Holds nothing but the name, because
 * it is shipped to every node: a ProtoStream type for the cache manager of infinispan.xml (see
 * {@link McpProtoSchema}), and {@link Serializable} for WildFly's cache containers, whose JBoss
 * Marshalling finds the class again by the name of the deployment's module.
 */
public final class TargetNodeFilter implements CacheEventFilter<String, String>, Serializable {
    private static final long serialVersionUID = 1L;
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
