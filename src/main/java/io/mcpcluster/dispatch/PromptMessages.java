package io.mcpcluster.dispatch;

import io.mcpcluster.api.McpFeatures;
import io.mcpcluster.protocol.ContentJson;
import io.mcpcluster.protocol.McpException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code prompts/list} and {@code prompts/get}; a missing required argument is -32602. */
final class PromptMessages {
    private final FeatureRegistry registry;
    private final int pageSize;

    PromptMessages(FeatureRegistry registry, int pageSize) {
        this.registry = registry;
        this.pageSize = pageSize;
    }

    CompletionStage<JsonObject> list(JsonObject params, RequestContext ctx) {
        return CompletableFuture.completedFuture(Pagination.page(params, "prompts",
                registry.prompts().stream()
                        .filter(p -> ctx.session().mayUse(registry.scopes().prompt(p.definition().name())))
                        .map(FeatureRegistry.PromptEntry::json).toList(), pageSize));
    }

    CompletionStage<JsonObject> get(JsonObject params, RequestContext ctx) {
        String name = Params.requireString(params, "name");
        if (!ctx.session().mayUse(registry.scopes().prompt(name))) {
            throw McpException.invalidParams("Unknown prompt: " + name);
        }
        FeatureRegistry.PromptEntry prompt = registry.requirePrompt(name);
        JsonObject given = Params.optionalObject(params, "arguments");
        Map<String, String> arguments = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : given.entrySet()) {
            if (e.getValue().getValueType() != JsonValue.ValueType.STRING) {
                throw McpException.invalidParams("Prompt argument " + e.getKey() + " must be a string");
            }
            arguments.put(e.getKey(), ((JsonString) e.getValue()).getString());
        }
        for (McpFeatures.PromptArgument a : prompt.definition().arguments()) {
            if (a.required() && !arguments.containsKey(a.name())) {
                throw McpException.invalidParams("Missing required argument '" + a.name() + "' of prompt "
                        + prompt.definition().name());
            }
        }
        return Stages.call(() -> prompt.handler().get(arguments, ctx)).thenApply(ContentJson::promptResult);
    }
}
