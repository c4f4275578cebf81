package io.mcpcluster.dispatch;

import jakarta.json.JsonObject;

import java.util.concurrent.CompletionStage;

/** Serves one request method. {@code params} is never null (an absent params is an empty object). */
@FunctionalInterface
interface MethodHandler {
    CompletionStage<JsonObject> handle(JsonObject params, RequestContext ctx);
}
