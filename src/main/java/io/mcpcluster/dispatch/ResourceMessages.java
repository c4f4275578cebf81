package io.mcpcluster.dispatch;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.api.ResourceContents;
import io.mcpcluster.protocol.ContentJson;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.session.SessionStore;
import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code resources/*}: fixed resources first, then templates in registration order. */
final class ResourceMessages {
    private final FeatureRegistry registry;
    private final SessionStore sessions;
    private final int pageSize;

    ResourceMessages(FeatureRegistry registry, SessionStore sessions, int pageSize) {
        this.registry = registry;
        this.sessions = sessions;
        this.pageSize = pageSize;
    }

    CompletionStage<JsonObject> list(JsonObject params, RequestContext ctx) {
        return CompletableFuture.completedFuture(Pagination.page(params, "resources",
                registry.resources().stream()
                        .filter(r -> ctx.session().mayUse(registry.scopes().resource(r.definition().uri())))
                        .map(FeatureRegistry.ResourceEntry::json).toList(), pageSize));
    }

    CompletionStage<JsonObject> templates(JsonObject params, RequestContext ctx) {
        return CompletableFuture.completedFuture(Pagination.page(params, "resourceTemplates",
                registry.templates().stream()
                        .filter(t -> ctx.session().mayUse(registry.scopes().template(t.template().template())))
                        .map(FeatureRegistry.TemplateEntry::json).toList(), pageSize));
    }

    CompletionStage<JsonObject> read(JsonObject params, RequestContext ctx) {
        String uri = Params.requireString(params, "uri");
        FeatureRegistry.ResourceEntry fixed = registry.resource(uri);
        CompletionStage<List<ResourceContents>> contents = null;
        if (fixed != null) {
            contents = Stages.call(() -> fixed.handler().read(uri, ctx));
        } else {
            for (FeatureRegistry.TemplateEntry t : registry.templates()) {
                Map<String, String> vars = t.template().match(uri);
                if (vars != null) {
                    contents = Stages.call(() -> t.handler().read(uri, vars, ctx));
                    break;
                }
            }
        }
        if (contents == null || !ctx.session().mayUse(registry.scopes().resourceOrTemplate(uri))) {
            throw new McpException(ErrorCodes.RESOURCE_NOT_FOUND, "Resource not found",
                    Jsons.createObjectBuilder().add("uri", uri).build());
        }
        return contents.thenApply(list -> Jsons.createObjectBuilder()
                .add("contents", ContentJson.array(list, ContentJson::resourceContents)).build());
    }

    CompletionStage<JsonObject> subscribe(JsonObject params, RequestContext ctx) {
        return changeSubscription(params, ctx, true);
    }

    CompletionStage<JsonObject> unsubscribe(JsonObject params, RequestContext ctx) {
        return changeSubscription(params, ctx, false);
    }

    private CompletionStage<JsonObject> changeSubscription(JsonObject params, RequestContext ctx, boolean on) {
        String uri = Params.requireString(params, "uri");
        sessions.update(ctx.sessionId(), s -> s.withSubscription(uri, on));
        return CompletableFuture.completedFuture(JsonValue.EMPTY_JSON_OBJECT);
    }
}
