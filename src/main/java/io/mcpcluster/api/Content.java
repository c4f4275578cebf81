package io.mcpcluster.api;

/** A content block of a tool result or a prompt message. */
public sealed interface Content permits TextContent, ImageContent, AudioContent, EmbeddedResource, ResourceLink {
}
