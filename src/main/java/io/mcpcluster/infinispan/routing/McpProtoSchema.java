package io.mcpcluster.infinispan.routing;

import org.infinispan.protostream.GeneratedSchema;
import org.infinispan.protostream.annotations.ProtoSchema;

/**
 * The only type mcp-cluster ships between nodes besides strings: the listener filter. The processor
 * generates {@code McpProtoSchemaImpl}, which the clustered infinispan.xml registers, and its
 * ServiceLoader entry, by which WildFly's cache container finds it in the static module.
 */
@ProtoSchema(includeClasses = TargetNodeFilter.class, schemaPackageName = "io.mcpcluster",
        schemaFileName = "mcp-cluster.proto", schemaFilePath = "proto")
public interface McpProtoSchema extends GeneratedSchema {
}
