package io.mcpcluster.api;

/** The contents of one resource: text or base64 blob, with its URI. */
public sealed interface ResourceContents permits TextResourceContents, BlobResourceContents {
    String uri();

    String mimeType();
}
