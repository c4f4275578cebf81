package io.mcpcluster.dispatch;

import io.mcpcluster.protocol.ErrorIds;
import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.LogLevel;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.protocol.McpMethods;
import io.mcpcluster.protocol.ProtocolVersions;
import io.mcpcluster.session.Session;
import io.mcpcluster.session.SessionStore;
import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Routes a request to the handler of its method family; unknown methods are -32601. */
public final class McpDispatcher {
    private static final Logger LOG = Logger.getLogger(McpDispatcher.class.getName());
    private static final JsonObject CAPABILITIES = Jsons.createObjectBuilder()
            .add("tools", Jsons.createObjectBuilder().add("listChanged", true))
            .add("resources", Jsons.createObjectBuilder().add("subscribe", true).add("listChanged", true))
            .add("prompts", Jsons.createObjectBuilder().add("listChanged", true))
            .add("logging", JsonValue.EMPTY_JSON_OBJECT)
            .add("completions", JsonValue.EMPTY_JSON_OBJECT)
            .build();

    private final Map<String, MethodHandler> handlers = new HashMap<>();
    private final SessionStore sessions;
    private final JsonObject serverInfo;

    public McpDispatcher(FeatureRegistry registry, SessionStore sessions, int pageSize,
                         Function<Object, JsonValue> toJson, String serverName, String serverVersion,
                         ToolDeadlines deadlines) {
        this.sessions = sessions;
        this.serverInfo = Jsons.createObjectBuilder().add("name", serverName).add("version", serverVersion).build();
        ToolMessages tools = new ToolMessages(registry, pageSize, toJson, deadlines);
        ResourceMessages resources = new ResourceMessages(registry, sessions, pageSize);
        PromptMessages prompts = new PromptMessages(registry, pageSize);
        CompletionMessages completions = new CompletionMessages(registry);
        handlers.put(McpMethods.INITIALIZE, this::initialize);
        handlers.put(McpMethods.PING, (p, ctx) -> done(JsonValue.EMPTY_JSON_OBJECT));
        handlers.put(McpMethods.LOGGING_SET_LEVEL, this::setLevel);
        handlers.put(McpMethods.TOOLS_LIST, tools::list);
        handlers.put(McpMethods.TOOLS_CALL, tools::call);
        handlers.put(McpMethods.RESOURCES_LIST, resources::list);
        handlers.put(McpMethods.RESOURCES_TEMPLATES_LIST, resources::templates);
        handlers.put(McpMethods.RESOURCES_READ, resources::read);
        handlers.put(McpMethods.RESOURCES_SUBSCRIBE, resources::subscribe);
        handlers.put(McpMethods.RESOURCES_UNSUBSCRIBE, resources::unsubscribe);
        handlers.put(McpMethods.PROMPTS_LIST, prompts::list);
        handlers.put(McpMethods.PROMPTS_GET, prompts::get);
        handlers.put(McpMethods.COMPLETION_COMPLETE, completions::complete);
    }

    /** Never throws: every failure is in the returned stage. */
    public CompletionStage<JsonObject> dispatch(String method, JsonObject params, RequestContext ctx) {
        MethodHandler handler = handlers.get(method);
        if (handler == null) {
            return CompletableFuture.failedFuture(McpException.methodNotFound(method));
        }
        Session session = ctx.session();
        if (session.protocolVersion() == null && !McpMethods.INITIALIZE.equals(method)
                && !McpMethods.PING.equals(method)) {
            return CompletableFuture.failedFuture(McpException.invalidRequest(
                    "Session not initialized: send initialize first"));
        }
        return Stages.call(() -> handler.handle(params == null ? JsonValue.EMPTY_JSON_OBJECT : params, ctx));
    }

    private CompletionStage<JsonObject> initialize(JsonObject params, RequestContext ctx) {
        if (ctx.session().protocolVersion() != null && !ctx.session().adopted()) {
            throw McpException.invalidRequest("Session already initialized");
        }
        String version = ProtocolVersions.negotiate(params.getString("protocolVersion", null));
        JsonObject clientInfo = Params.optionalObject(params, "clientInfo");
        JsonObject capabilities = Params.optionalObject(params, "capabilities");
        sessions.update(ctx.sessionId(), s -> s.withHandshake(version, clientInfo, capabilities));
        return done(Jsons.createObjectBuilder().add("protocolVersion", version).add("capabilities", CAPABILITIES)
                .add("serverInfo", serverInfo).build());
    }

    private CompletionStage<JsonObject> setLevel(JsonObject params, RequestContext ctx) {
        LogLevel level = LogLevel.parse(Params.requireString(params, "level"));
        sessions.update(ctx.sessionId(), s -> s.withLogLevel(level));
        return done(JsonValue.EMPTY_JSON_OBJECT);
    }

    private static CompletionStage<JsonObject> done(JsonObject result) {
        return CompletableFuture.completedFuture(result);
    }

    /**
     * The JSON-RPC error of a failed request. An unexpected exception is -32603 with no internals: only an
     * error id, which the log line with the exception carries too.
     */
    public static JsonObject errorResponse(JsonValue id, Throwable failure) {
        Throwable cause = Stages.unwrap(failure);
        if (cause instanceof McpException e) {
            return JsonRpc.error(id, e);
        }
        if (cause instanceof java.util.concurrent.CancellationException) {
            return JsonRpc.error(id, ErrorCodes.REQUEST_CANCELLED, "Request cancelled", null);
        }
        String errorId = ErrorIds.next();
        LOG.log(Level.WARNING, "Request " + id + " failed unexpectedly [error id " + errorId + "]", cause);
        return JsonRpc.error(id, ErrorCodes.INTERNAL_ERROR, "Internal error (error id " + errorId + ")", null);
    }
}
