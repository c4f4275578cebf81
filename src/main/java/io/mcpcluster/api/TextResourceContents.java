package io.mcpcluster.api;

public record TextResourceContents(String uri, String text, String mimeType) implements ResourceContents {
}
