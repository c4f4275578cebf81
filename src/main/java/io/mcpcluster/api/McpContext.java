package io.mcpcluster.api;

import jakarta.json.JsonValue;

/**
 * Everything of the current request in one object, for programmatic handlers. Annotated methods can
 * take it as a parameter, or take its parts ({@link McpLog}, {@link Progress}, …) one by one.
 */
public interface McpContext {
    /** The JSON-RPC id of the request being served. */
    JsonValue requestId();

    McpLog log();

    Progress progress();

    Sampling sampling();

    Elicitation elicitation();

    Roots roots();

    Cancellation cancellation();

    McpConnection connection();

    /**
     * The W3C trace context ({@code traceparent}) the client sent in the request's {@code _meta}
     * (2026-07-28), to log or pass on to the services the feature calls; null when none or malformed.
     */
    default String traceparent() {
        return null;
    }

    /**
     * Ends the HTTP connection that carries this request's messages, after a {@code retry:} hint, while
     * the request goes on (SEP-1699 polling, for long calls behind proxies that cut idle connections).
     * The client reconnects with {@code Last-Event-ID}, on any node, and receives everything sent since.
     * A no-op where the messages do not travel on an event stream of their own.
     */
    void closeStream();
}
