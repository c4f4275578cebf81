package io.mcpcluster.dispatch;

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
 * {@code tools/list} and {@code tools/call}. A tool that throws produces a result with
 * {@code isError: true} (the model sees the message); only protocol faults (unknown tool, arguments
 * that do not bind) are JSON-RPC errors.
 */
final class ToolMessages {
    private static final Logger LOG = Logger.getLogger(ToolMessages.class.getName());

    private final FeatureRegistry registry;
    private final int pageSize;
    private final Function<Object, JsonValue> toJson;

    ToolMessages(FeatureRegistry registry, int pageSize, Function<Object, JsonValue> toJson) {
        this.registry = registry;
        this.pageSize = pageSize;
        this.toJson = toJson;
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
        return Stages.call(() -> tool.handler().call(arguments, ctx)).handle((response, failure) -> {
            if (failure == null) {
                return ContentJson.toolResult(response == null ? ToolResponse.success() : response, toJson);
            }
            Throwable cause = Stages.unwrap(failure);
            if (cause instanceof McpException || cause instanceof CancellationException) {
                throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
            }
            LOG.log(Level.FINE, "Tool " + name + " failed", cause);
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return ContentJson.toolResult(ToolResponse.error(message), toJson);
        });
    }
}
