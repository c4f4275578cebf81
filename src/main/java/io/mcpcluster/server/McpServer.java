package io.mcpcluster.server;

import io.mcpcluster.dispatch.ClientRequests;
import io.mcpcluster.dispatch.FeatureRegistry;
import io.mcpcluster.dispatch.McpDispatcher;
import io.mcpcluster.dispatch.RequestContext;
import io.mcpcluster.dispatch.RequestContexts;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.JsonRpcMessage;
import io.mcpcluster.protocol.McpMethods;
import io.mcpcluster.session.Ids;
import io.mcpcluster.session.LocalStream;
import io.mcpcluster.session.MessageRouter;
import io.mcpcluster.session.PendingRequests;
import io.mcpcluster.session.Session;
import io.mcpcluster.session.SessionStore;
import io.mcpcluster.session.Signal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The MCP server of this node, as the transports see it: sessions, inbound messages, and the
 * signals that arrive from other nodes. Transports parse and check HTTP; everything MCP happens here
 * and below. Requests run on the node's worker pool; their responses travel through the
 * {@link MessageRouter} to whichever node holds the stream.
 */
@ApplicationScoped
public class McpServer {
    private static final Logger LOG = Logger.getLogger(McpServer.class.getName());

    @Inject
    McpConfig config;
    @Inject
    SessionStore sessions;
    @Inject
    MessageRouter router;
    @Inject
    PendingRequests pending;
    @Inject
    NodeServices node;
    @Inject
    FeatureRegistry registry;
    @Inject
    Jsonb jsonb;

    /** Requests executing on this node, by {@code session + ' ' + request id}: only for cancellation. */
    private final Map<String, RequestContext> running = new ConcurrentHashMap<>();
    private McpDispatcher dispatcher;
    private ClientRequests clientRequests;
    private RequestContexts contexts;

    @PostConstruct
    void start() {
        clientRequests = new ClientRequests(pending, router, node.scheduler(), config.clientRequestTimeoutMillis());
        contexts = new RequestContexts(router, clientRequests, jsonb);
        dispatcher = new McpDispatcher(registry, sessions, config.pageSize(),
                o -> JsonRpc.parse(jsonb.toJson(o)), config.serverName(), config.serverVersion());
        node.onSignal(this::onSignal);
        registry.onListChanged(method -> node.workers().execute(() -> broadcast(JsonRpc.notification(method, null),
                s -> true)));
        registry.onResourceUpdated(uri -> node.workers().execute(() -> broadcast(JsonRpc.notification(
                McpMethods.NOTIFY_RESOURCE_UPDATED, Jsons.createObjectBuilder().add("uri", uri).build()),
                s -> s.subscriptions().contains(uri))));
        long period = Math.max(100, Math.min(config.keepAliveMillis(), config.sessionIdleSeconds() * 1000 / 3));
        node.scheduler().scheduleWithFixedDelay(() -> node.workers().execute(this::touchSessionsWithOpenStreams),
                period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** An open stream keeps its session alive: idle expiry counts from the last request otherwise. */
    private void touchSessionsWithOpenStreams() {
        node.localStreams().all().stream().map(LocalStream::sessionId).distinct().forEach(sessions::touch);
    }

    /** Creates the server at deployment rather than at the first request. */
    void eagerStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.info(() -> "mcp-cluster node " + router.nodeName() + " ready: " + registry.tools().size() + " tools, "
                + registry.resources().size() + " resources, " + registry.prompts().size() + " prompts");
    }

    public McpConfig config() {
        return config;
    }

    public MessageRouter router() {
        return router;
    }

    public NodeServices node() {
        return node;
    }

    public Session newSession(String transport, String principal) {
        Session s = Session.create(Ids.random(), transport, principal);
        sessions.create(s);
        return s;
    }

    public Optional<Session> findSession(String id) {
        return Ids.isWellFormed(id) ? sessions.find(id) : Optional.empty();
    }

    public Optional<Session> updateSession(String id, java.util.function.UnaryOperator<Session> change) {
        return sessions.update(id, change);
    }

    public void touchSession(String id) {
        sessions.touch(id);
    }

    /** Ends the session on every node: its streams close, its running requests are cancelled. */
    public boolean deleteSession(String id) {
        Optional<Session> removed = sessions.remove(id);
        removed.ifPresent(s -> router.signal(null, new Signal(Signal.Type.SESSION_CLOSED, id, JsonValue.NULL)));
        return removed.isPresent();
    }

    /**
     * Accepts one inbound message of {@code session}. A request runs on the worker pool and its
     * messages (notifications, server requests, the response) go to {@code streamId}.
     */
    public void accept(Session session, JsonRpcMessage message, String streamId) {
        switch (message.kind()) {
            case REQUEST -> execute(session, message, streamId);
            case NOTIFICATION -> onNotification(session, message);
            case RESPONSE -> clientRequests.onClientResponse(session.id(), message.id(), message.raw());
        }
    }

    private void execute(Session session, JsonRpcMessage request, String streamId) {
        RequestContext ctx = contexts.create(session, request.id(), request.progressToken(), streamId);
        String key = runningKey(session.id(), request.id());
        running.put(key, ctx);
        boolean legacy = Session.LEGACY_SSE.equals(session.transport());
        try {
            node.workers().execute(() -> {
                if (legacy && streamId != null) {
                    // Legacy responses share the session's stream: record what it owes, in case this node dies.
                    router.expectResponse(streamId, JsonRpc.write(request.id()));
                }
                dispatcher.dispatch(request.method(), request.params(), ctx)
                    .whenComplete((result, failure) -> {
                        running.remove(key, ctx);
                        if (failure != null && !(failure instanceof io.mcpcluster.protocol.McpException)) {
                            LOG.log(Level.FINE, "Request " + request.method() + " failed", failure);
                        }
                        contexts.reply(ctx, failure == null ? JsonRpc.result(request.id(), result)
                                : McpDispatcher.errorResponse(request.id(), failure));
                    });
            });
        } catch (RejectedExecutionException busy) {
            running.remove(key, ctx);
            LOG.warning("Worker pool full: refusing " + request.method());
            contexts.reply(ctx, JsonRpc.error(request.id(), JsonRpc.INTERNAL_ERROR, "Server busy, retry later", null));
        }
    }

    private void onNotification(Session session, JsonRpcMessage n) {
        switch (n.method()) {
            case McpMethods.INITIALIZED -> sessions.update(session.id(), Session::withInitialized);
            case McpMethods.NOTIFY_CANCELLED -> {
                JsonValue requestId = n.params() == null ? null : n.params().get("requestId");
                if (requestId != null && !cancelLocally(session.id(), requestId)) {
                    router.signal(null, new Signal(Signal.Type.CANCEL, session.id(), requestId));
                }
            }
            default -> LOG.fine(() -> "Notification " + n.method() + " of session " + session.id());
        }
    }

    private boolean cancelLocally(String sessionId, JsonValue requestId) {
        RequestContext ctx = running.get(runningKey(sessionId, requestId));
        if (ctx != null) {
            contexts.cancel(ctx);
        }
        return ctx != null;
    }

    private void onSignal(Signal signal) {
        switch (signal.type()) {
            case SESSION_CLOSED -> {
                localStreamsOf(signal.sessionId()).forEach(LocalStream::close);
                running.values().stream().filter(c -> c.sessionId().equals(signal.sessionId()))
                        .forEach(contexts::cancel);
            }
            case CANCEL -> cancelLocally(signal.sessionId(), signal.payload());
            case CLIENT_RESPONSE -> clientRequests.complete(signal.sessionId(), signal.payload().asJsonObject());
            case STREAM_TAKEN -> {
                LocalStream s = node.localStreams().lookup(((JsonString) signal.payload()).getString());
                if (s != null) {
                    s.close();
                }
            }
            case POLL_CLOSE -> {
                LocalStream s = node.localStreams().lookup(((JsonString) signal.payload()).getString());
                if (s != null) {
                    s.closeForPolling(config.sseRetryMillis());
                }
            }
        }
    }

    /**
     * Sends {@code notification} to the standalone stream of every session that {@code wanted}, on every
     * node: the events go to each stream's holder, or wait in the log for a stream being resumed.
     */
    private void broadcast(JsonObject notification, java.util.function.Predicate<Session> wanted) {
        sessions.forEachWithStandaloneStream(s -> {
            if (wanted.test(s)) {
                router.send(s.standaloneStreamId(), notification);
            }
        });
    }

    private java.util.stream.Stream<LocalStream> localStreamsOf(String sessionId) {
        return node.localStreams().all().stream().filter(s -> s.sessionId().equals(sessionId));
    }

    private static String runningKey(String sessionId, JsonValue requestId) {
        return sessionId + ' ' + requestId;
    }
}
