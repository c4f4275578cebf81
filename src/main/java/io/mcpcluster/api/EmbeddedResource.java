package io.mcpcluster.api;

/** {@code {"type":"resource","resource":{…}}} */
public record EmbeddedResource(ResourceContents resource) implements Content {
}
