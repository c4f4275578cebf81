package io.mcpcluster.dispatch;

import io.mcpcluster.api.McpFeatures;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code completion/complete} for prompt arguments and template variables. No completer registered
 * means no suggestions (an empty list), not an error; an unknown prompt is -32602.
 */
final class CompletionMessages {
    private static final int MAX_VALUES = 100;
    private final FeatureRegistry registry;

    CompletionMessages(FeatureRegistry registry) {
        this.registry = registry;
    }

    CompletionStage<JsonObject> complete(JsonObject params, RequestContext ctx) {
        JsonObject ref = Params.requireObject(params, "ref");
        JsonObject argument = Params.requireObject(params, "argument");
        String name = Params.requireString(argument, "name");
        String value = argument.getString("value", "");
        String type = Params.requireString(ref, "type");
        McpFeatures.Completer completer;
        if ("ref/prompt".equals(type)) {
            String prompt = Params.requireString(ref, "name");
            registry.requirePrompt(prompt);
            completer = registry.promptCompleter(prompt, name);
        } else if ("ref/resource".equals(type)) {
            completer = registry.templateCompleter(Params.requireString(ref, "uri"), name);
        } else {
            throw McpException.invalidParams("Unknown reference type: " + type);
        }
        CompletionStage<List<String>> values = completer == null ? CompletableFuture.completedFuture(List.of())
                : Stages.call(() -> completer.complete(value, ctx));
        return values.thenApply(CompletionMessages::result);
    }

    private static JsonObject result(List<String> all) {
        List<String> values = all == null ? List.of() : all;
        JsonArrayBuilder a = Jsons.createArrayBuilder();
        values.stream().limit(MAX_VALUES).forEach(a::add);
        return Jsons.createObjectBuilder().add("completion", Jsons.createObjectBuilder().add("values", a)
                .add("total", values.size()).add("hasMore", values.size() > MAX_VALUES)).build();
    }
}
