package io.mcpcluster.api;

/**
 * A tool's own failure, meant for the model: the call is answered with {@code isError: true} and this
 * message. Any other exception a tool throws is unexpected: the client gets a generic message with an
 * error id, and the server log carries the exception under the same id (no internals reach clients).
 */
public class ToolCallException extends RuntimeException {
    public ToolCallException(String message) {
        super(message);
    }

    public ToolCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
