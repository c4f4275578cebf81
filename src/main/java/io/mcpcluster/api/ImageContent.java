package io.mcpcluster.api;

/** {@code {"type":"image","data":<base64>,"mimeType":…}} */
public record ImageContent(String data, String mimeType) implements Content {
}
