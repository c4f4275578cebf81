package io.mcpcluster.api;

/** {@code blob} is base64. */
public record BlobResourceContents(String uri, String blob, String mimeType) implements ResourceContents {
}
