package io.mcpcluster.dispatch;

import io.mcpcluster.protocol.ErrorIds;
import io.mcpcluster.api.McpClientException;
import io.mcpcluster.api.ToolCallException;
import io.mcpcluster.api.ToolResponse;
import io.mcpcluster.protocol.ContentJson;
import io.mcpcluster.protocol.McpException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code tools/list} and {@code tools/call}. A tool's failure is a result with {@code isError: true}:
 * its own ({@link ToolCallException}, a {@link ToolResponse} error, a failed client request, a timeout)
 * with its message; an unexpected exception with a generic message and the error id its log line carries.
 * Only protocol faults (unknown tool, arguments that do not bind) are JSON-RPC errors.
 */
final class ToolMessages {
    private static final Logger LOG = Logger.getLogger(ToolMessages.class.getName());

    private final FeatureRegistry registry;
    private final int pageSize;
    private final Function<Object, JsonValue> toJson;
    private final ToolDeadlines deadlines;

    ToolMessages(FeatureRegistry registry, int pageSize, Function<Object, JsonValue> toJson, ToolDeadlines deadlines) {
        this.registry = registry;
        this.pageSize = pageSize;
        this.toJson = toJson;
        this.deadlines = deadlines;
    }

    CompletionStage<JsonObject> list(JsonObject params, RequestContext ctx) {
        return java.util.concurrent.CompletableFuture.completedFuture(Pagination.page(params, "tools",
                registry.tools().stream()
                        .filter(t -> ctx.session().mayUse(registry.scopes().tool(t.definition().name())))
                        .map(FeatureRegistry.ToolEntry::json).toList(), pageSize));
    }

    CompletionStage<JsonObject> call(JsonObject params, RequestContext ctx) {
        String name = Params.requireString(params, "name");
        JsonObject arguments = Params.optionalObject(params, "arguments");
        FeatureRegistry.ToolEntry tool = registry.tool(name);
        if (tool == null || !ctx.session().mayUse(registry.scopes().tool(name))) {
            throw McpException.invalidParams("Unknown tool: " + name);
        }
        return deadlines.run(name, tool.timeoutMillis(), ctx, () -> tool.handler().call(arguments, ctx))
                .handle((response, failure) -> {
                    if (failure == null) {
                        return ContentJson.toolResult(response == null ? ToolResponse.success() : response, toJson);
                    }
                    Throwable cause = Stages.unwrap(failure);
                    if (cause instanceof McpException || cause instanceof CancellationException) {
                        throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
                    }
                    return ContentJson.toolResult(ToolResponse.error(messageFor(name, cause)), toJson);
                });
    }

    /** What the client may read of a tool's failure. */
    private static String messageFor(String tool, Throwable cause) {
        if (cause instanceof ToolCallException || cause instanceof McpClientException
                || cause instanceof ToolDeadlines.TimedOut) {
            LOG.log(Level.FINE, "Tool " + tool + " failed", cause);
            return cause.getMessage() == null ? "Tool '" + tool + "' failed" : cause.getMessage();
        }
        String errorId = ErrorIds.next();
        LOG.log(Level.WARNING, "Tool " + tool + " failed unexpectedly [error id " + errorId + "]", cause);
        return "Tool '" + tool + "' failed unexpectedly (error id " + errorId + ")";
    }
}
