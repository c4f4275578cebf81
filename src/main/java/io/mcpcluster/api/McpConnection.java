package io.mcpcluster.api;

import jakarta.json.JsonObject;

/** What a tool may learn about the session of the current request. */
public interface McpConnection {
    String sessionId();

    String protocolVersion();

    /** The {@code clientInfo} of {@code initialize}, or an empty object. */
    JsonObject clientInfo();

    JsonObject clientCapabilities();

    /** The authenticated principal's name the session is bound to, or null. */
    String principal();
}
