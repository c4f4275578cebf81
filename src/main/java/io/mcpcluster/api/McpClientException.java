package io.mcpcluster.api;

/** A server-to-client request failed: the client answered an error, it timed out, or was not allowed. */
public class McpClientException extends RuntimeException {
    private final int code;

    public McpClientException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** The JSON-RPC error code the client answered, or a server-side code (timeout: -32001). */
    public int code() {
        return code;
    }
}
