package io.mcpcluster.api;

/** {@code {"type":"text","text":…}} */
public record TextContent(String text) implements Content {
}
