package io.mcpcluster.infinispan;

import org.infinispan.protostream.GeneratedSchema;
import org.infinispan.protostream.annotations.ProtoSchema;

/**
 * The only types mcp-cluster ships between nodes besides strings: the listener filter and the stream
 * record changes that run on the record's owner. The processor
 * generates {@code McpProtoSchemaImpl}, which the clustered infinispan.xml registers.
 */
@ProtoSchema(includeClasses = {TargetNodeFilter.class, StreamRecordChange.class}, schemaPackageName = "io.mcpcluster",
        schemaFileName = "mcp-cluster.proto", schemaFilePath = "proto")
public interface McpProtoSchema extends GeneratedSchema {
}
