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
}
