package io.mcpcluster.protocol;

import jakarta.json.JsonValue;

/**
 * A failure that is reported to the client as a JSON-RPC error object.
 * Thrown anywhere in request handling; the dispatcher turns it into {@code {"code":…,"message":…}}.
 */
public class McpException extends RuntimeException {
    private final int code;
    private final JsonValue data;

    public McpException(int code, String message) {
        this(code, message, null);
    }

    public McpException(int code, String message, JsonValue data) {
        super(message);
        this.code = code;
        this.data = data;
    }

    public int code() {
        return code;
    }

    public JsonValue data() {
        return data;
    }

    public static McpException invalidParams(String message) {
        return new McpException(ErrorCodes.INVALID_PARAMS, message);
    }

    public static McpException invalidRequest(String message) {
        return new McpException(ErrorCodes.INVALID_REQUEST, message);
    }

    public static McpException methodNotFound(String method) {
        return new McpException(ErrorCodes.METHOD_NOT_FOUND, "Method not found: " + method);
    }
}
