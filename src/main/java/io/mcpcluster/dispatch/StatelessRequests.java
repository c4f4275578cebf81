package io.mcpcluster.dispatch;

import io.mcpcluster.api.CacheHint;
import io.mcpcluster.api.McpFeatures;
import io.mcpcluster.config.ExecutionLimits;
import io.mcpcluster.config.McpConfig;
import io.mcpcluster.node.NodeExecutors;
import io.mcpcluster.node.RequestRefused;
import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.JsonRpcMessage;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.protocol.McpMethods;
import io.mcpcluster.protocol.ModernMeta;
import io.mcpcluster.session.Session;
import io.mcpcluster.session.RequestStateStore;
import io.mcpcluster.session.SessionStore;
import io.mcpcluster.session.Transport;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Requests of the stateless 2026-07-28 era: no session is read or written, no stream is recorded and
 * no event is logged. A request runs on the worker pool with a {@link Session} that lives only as long
 * as the request (its version, client info and capabilities come from the request's {@code _meta}),
 * and every message it produces goes straight to the caller's sink: the POST's own response.
 */
@ApplicationScoped
public class StatelessRequests {
    private static final Logger LOG = Logger.getLogger(StatelessRequests.class.getName());
    /** The request/response methods of the core 2026 protocol (subscriptions/listen: {@link Subscriptions}). */
    private static final Set<String> SERVED = Set.of(McpMethods.SERVER_DISCOVER, McpMethods.TOOLS_LIST,
            McpMethods.TOOLS_CALL, McpMethods.RESOURCES_LIST, McpMethods.RESOURCES_READ,
            McpMethods.RESOURCES_TEMPLATES_LIST, McpMethods.PROMPTS_LIST, McpMethods.PROMPTS_GET,
            McpMethods.COMPLETION_COMPLETE);

    /** How long an input_required round may take before its requestState is refused. */
    private static final long STATE_LIFETIME_MILLIS = 10 * 60_000L;

    @Inject
    McpConfig config;
    @Inject
    ExecutionLimits limits;
    @Inject
    FeatureRegistry features;
    @Inject
    SessionStore sessions;
    @Inject
    NodeExecutors executors;
    @Inject
    Jsonb jsonb;
    @Inject
    RequestStateStore stateStore;

    private final AtomicLong anonymous = new AtomicLong();
    private McpDispatcher dispatcher;
    private ModernResults results;
    private InputRounds rounds;

    @PostConstruct
    void start() {
        // The session store is never called on this path: it serves only initialize, setLevel and subscribe.
        dispatcher = new McpDispatcher(features, sessions, config.pageSize(), o -> JsonRpc.parse(jsonb.toJson(o)),
                config.serverName(), config.serverVersion(),
                new ToolDeadlines(executors.scheduler(), limits.toolTimeoutMillis()));
        results = new ModernResults(config.serverName(), config.serverVersion(), new ResultCaching(features,
                new McpFeatures.Caching(config.cacheTtlMillis(), CacheHint.Scope.valueOf(
                        config.cacheScope().toUpperCase(Locale.ROOT)))));
        SealingKeys keys = SealingKeys.configured(config.requestStateKeysFile(), config.requestStateKeys(),
                config.requestStateKey(), stateStore);
        rounds = new InputRounds(new RequestStates(stateStore, keys, STATE_LIFETIME_MILLIS));
    }

    /** Built at start, so that a requestState key setting that does not parse fails the deployment. */
    void eager(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // start() has run: nothing else to do
    }

    /** Whether {@code method} exists in the 2026 era here; any other is 404 / -32601. */
    public boolean serves(String method) {
        return SERVED.contains(method);
    }

    /** The input schema of tool {@code name} on this node, or null when there is none. */
    public JsonObject toolInputSchema(String name) {
        FeatureRegistry.ToolEntry tool = features.tool(name);
        return tool == null ? null : tool.definition().inputSchema();
    }

    /**
     * Runs {@code request} (a method this class {@link #serves}). Its progress and log notifications and
     * then its response go to {@code sink}, from any thread (the sink orders them).
     * Returns what cancels the request (the client closed its response).
     */
    public Runnable execute(JsonRpcMessage request, ModernMeta meta, String principal, Set<String> grantedScopes,
                            Consumer<JsonObject> sink) {
        if (McpMethods.SERVER_DISCOVER.equals(request.method())) {
            sink.accept(JsonRpc.result(request.id(), results.discover()));
            return () -> { };
        }
        Session once = Session.create(null, Transport.STREAMABLE, principal).withGrantedScopes(grantedScopes)
                .withHandshake(meta.protocolVersion(), meta.clientInfo(), meta.clientCapabilities());
        InputRound round;
        try {
            round = rounds.open(request, once);
        } catch (McpException e) {
            LOG.info(() -> describe(request, meta) + " refused: " + e.getMessage());
            sink.accept(JsonRpc.error(request.id(), e));
            return () -> { };
        }
        Outbound outbound = new ResponseOutbound(sink, meta.logLevel() != null);
        RequestContext ctx = new RequestContext(meta.logLevel() == null ? once : once.withLogLevel(meta.logLevel()),
                request.id(), request.progressToken(), outbound, null, jsonb, round, meta.traceparent());
        try {
            executors.requests().submit(laneOf(principal), done -> run(request, ctx, outbound, round, done));
        } catch (RequestRefused refused) {
            sink.accept(RequestExecutor.refusal(request, refused));
        }
        return ctx::cancel;
    }

    /**
     * A refusal of {@code request} before anything runs, else null: a {@code requestState} longer than
     * any this server seals is refused without being decoded.
     */
    public McpException preflight(JsonRpcMessage request) {
        JsonValue state = request.params() == null ? null : request.params().get("requestState");
        if (state instanceof JsonString s && s.getString().length() > RequestStates.MAX_TOKEN_CHARS) {
            return McpException.invalidParams("Invalid requestState: longer than " + RequestStates.MAX_TOKEN_CHARS
                    + " characters");
        }
        return null;
    }

    /** How a log line names a request: method, id and, when the client sent one, its trace context. */
    public static String describe(JsonRpcMessage request, ModernMeta meta) {
        return request.method() + " (id " + request.id() + ")"
                + (meta != null && meta.traceparent() != null ? " trace=" + meta.traceparent() : "");
    }

    /**
     * Stateless requests share a lane per principal; anonymous ones each get their own (nothing ties two of
     * them to one client), so only the node-wide bound applies to them.
     */
    private String laneOf(String principal) {
        return principal != null ? "principal " + principal : "anonymous " + anonymous.incrementAndGet();
    }

    private void run(JsonRpcMessage request, RequestContext ctx, Outbound outbound, InputRound round, Runnable done) {
        long start = System.nanoTime();
        CompletionStage<JsonObject> stage = dispatcher.dispatch(request.method(),
                InputRounds.methodParams(request.params()), ctx);
        stage.whenComplete((result, failure) -> {
            done.run();
            if (ctx.traceparent() != null) {
                // A traced request leaves one line to find it by its trace id; an untraced one none (hot path).
                LOG.info(() -> String.format("%s (id %s) trace=%s %s in %d ms", request.method(), request.id(),
                        ctx.traceparent(), failure == null ? "answered" : "failed: " + Stages.unwrap(failure),
                        (System.nanoTime() - start) / 1_000_000));
            }
            JsonObject asked;
            try {
                asked = round == null ? null : rounds.outcome(request, round);
            } catch (RuntimeException e) {
                // Sealing failed (the cluster's key could not be read): answer, or the client waits forever.
                LOG.warning("Cannot end the input round of " + request.method() + ": " + e);
                outbound.send(JsonRpc.error(request.id(), ErrorCodes.INTERNAL_ERROR,
                        "The input round could not be sealed; retry later", null));
                return;
            }
            if (asked != null) {
                outbound.send(asked); // whatever the method made of the unanswered question
                return;
            }
            JsonObject asResult = failure == null ? result : argumentFault(request, failure);
            outbound.send(asResult != null
                    ? JsonRpc.result(request.id(), results.complete(request.method(), asResult))
                    : McpDispatcher.errorResponse(request.id(), modernError(request.method(), failure)));
        });
    }

    /**
     * Arguments that do not fit a tool that exists are a tool execution error in 2026-07-28 (the model
     * can correct them), not a protocol error; the 2025 era keeps answering -32602. Null otherwise.
     */
    private JsonObject argumentFault(JsonRpcMessage request, Throwable failure) {
        Throwable cause = Stages.unwrap(failure);
        if (!McpMethods.TOOLS_CALL.equals(request.method()) || !(cause instanceof McpException e)
                || e.code() != ErrorCodes.INVALID_PARAMS || request.params() == null
                || features.tool(request.params().getString("name", "")) == null) {
            return null;
        }
        return results.toolError(e.getMessage());
    }

    /** 2026-07-28 names an unknown resource with -32602 (was -32002), keeping {@code data.uri}. */
    private static Throwable modernError(String method, Throwable failure) {
        Throwable cause = Stages.unwrap(failure);
        if (cause instanceof McpException e && e.code() == ErrorCodes.RESOURCE_NOT_FOUND
                && McpMethods.RESOURCES_READ.equals(method)) {
            return new McpException(ErrorCodes.INVALID_PARAMS, e.getMessage(), e.data());
        }
        return cause;
    }

    /** The list of versions a 2026 client may choose from, for discover and for -32022. */
    public static java.util.List<String> supportedVersions() {
        return ModernResults.SUPPORTED_VERSIONS;
    }

    /** A request's own response: log messages only when its {@code _meta} asked for a level. */
    private record ResponseOutbound(Consumer<JsonObject> sink, boolean logsWanted) implements Outbound {
        @Override
        public void send(JsonObject message) {
            if (!logsWanted && McpMethods.NOTIFY_MESSAGE.equals(message.getString("method", null))) {
                return;
            }
            sink.accept(message);
        }

        @Override
        public void closeForPolling(String sessionId) {
            // Nothing resumes in the 2026 era: the response simply goes on.
        }
    }
}
