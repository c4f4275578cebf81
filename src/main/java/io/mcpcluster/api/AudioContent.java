package io.mcpcluster.api;

/** {@code {"type":"audio","data":<base64>,"mimeType":…}} */
public record AudioContent(String data, String mimeType) implements Content {
}
