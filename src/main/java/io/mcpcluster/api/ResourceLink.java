package io.mcpcluster.api;

/** {@code {"type":"resource_link","uri":…,"name":…}} (2025-06-18). */
public record ResourceLink(String uri, String name, String description, String mimeType) implements Content {
}
