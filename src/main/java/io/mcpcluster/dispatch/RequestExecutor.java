package io.mcpcluster.dispatch;

import io.mcpcluster.cluster.ClusterSignals;
import io.mcpcluster.cluster.Membership;
import io.mcpcluster.cluster.Signal;
import io.mcpcluster.node.FairRequestPool;
import io.mcpcluster.node.RequestRefused;
import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.JsonRpcMessage;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.protocol.McpMethods;
import io.mcpcluster.session.InboundRequests;
import jakarta.json.JsonObject;
import io.mcpcluster.session.Session;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs requests on the node's {@link FairRequestPool} (one lane per session) and cancels them: the one
 * place that knows which requests execute on this node. A cancellation that arrives on another node
 * reaches this one as a {@link Signal.Type#CANCEL}; an ended session cancels all of its requests here.
 */
public final class RequestExecutor {
    private static final Logger LOG = Logger.getLogger(RequestExecutor.class.getName());
    private static final long DEPARTURE_WAIT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    private static final int RETRY_AFTER_MILLIS = 1000;

    /** Requests executing on this node, by {@code session + ' ' + request id}. */
    private final Map<String, RequestContext> running = new ConcurrentHashMap<>();
    private final McpDispatcher dispatcher;
    private final RequestContexts contexts;
    private final ClusterSignals signals;
    private final FairRequestPool pool;
    private final InboundRequests begun;
    private final Membership membership;

    RequestExecutor(McpDispatcher dispatcher, RequestContexts contexts, ClusterSignals signals, FairRequestPool pool,
                    InboundRequests begun, Membership membership) {
        this.dispatcher = dispatcher;
        this.contexts = contexts;
        this.signals = signals;
        this.pool = pool;
        this.begun = begun;
        this.membership = membership;
        signals.subscribe(Signal.Type.CANCEL, s -> cancelLocally(s.sessionId(), s.payload()));
        signals.subscribe(Signal.Type.SESSION_CLOSED, s -> running.values().stream()
                .filter(c -> c.sessionId().equals(s.sessionId())).forEach(RequestContext::cancel));
    }

    /** Runs {@code request}; its notifications, server requests and response go to {@code streamId}. */
    void execute(Session session, JsonRpcMessage request, String streamId) {
        RequestContext ctx = contexts.create(session, request.id(), request.progressToken(), streamId);
        String key = key(session.id(), request.id());
        running.put(key, ctx);
        try {
            pool.submit(session.id(), done -> run(request, ctx, key, done));
        } catch (RequestRefused refused) {
            running.remove(key, ctx);
            contexts.reply(ctx, refusal(request, refused));
        }
    }

    /** The one answer to a request the pool refused: -32000 saying to retry later (no code in MCP fits better). */
    static JsonObject refusal(JsonRpcMessage request, RequestRefused refused) {
        LOG.warning(() -> "Refusing " + request.method() + ": " + refused.getMessage());
        return JsonRpc.error(request.id(), ErrorCodes.SERVER_ERROR, refused.getMessage(),
                io.mcpcluster.protocol.Jsons.createObjectBuilder().add("retryAfterMs", RETRY_AFTER_MILLIS).build());
    }

    private void run(JsonRpcMessage request, RequestContext ctx, String key, Runnable done) {
        String first = McpMethods.PING.equals(request.method()) ? null
                : begun.begin(ctx.sessionId(), JsonRpc.write(request.id()), membership.nodeName());
        if (first != null) {
            running.remove(key, ctx);
            done.run();
            contexts.reply(ctx, duplicate(request, first));
            return;
        }
        dispatcher.dispatch(request.method(), request.params(), ctx).whenComplete((result, failure) -> {
            running.remove(key, ctx);
            done.run();
            if (failure != null && !(failure instanceof McpException)) {
                LOG.log(Level.FINE, "Request " + request.method() + " failed", failure);
            }
            contexts.reply(ctx, failure == null ? JsonRpc.result(request.id(), result)
                    : McpDispatcher.errorResponse(request.id(), failure));
        });
    }

    /**
     * The answer to a request that arrived before (a proxy retried its POST): it never runs twice. Its
     * first run died with its node, or goes on elsewhere and answers on its first stream.
     */
    private JsonObject duplicate(JsonRpcMessage request, String firstNode) {
        LOG.info(() -> "Request " + request.id() + " (" + request.method() + ") arrived again; first taken by "
                + firstNode);
        boolean firstAlive = awaitDeparture(firstNode);
        String message = firstAlive
                ? "Duplicate request: this id is being executed already"
                : "The node executing this request left the cluster; the request may be retried with a new id";
        return JsonRpc.error(request.id(), firstAlive ? ErrorCodes.INVALID_REQUEST : ErrorCodes.INTERNAL_ERROR,
                message, null);
    }

    /**
     * A proxy retries a POST at once when its node dies, before the cluster has noticed: give failure
     * detection its few seconds, so that the answer says the truth. True if the node is still a member.
     */
    private boolean awaitDeparture(String node) {
        long deadline = System.nanoTime() + DEPARTURE_WAIT_NANOS;
        while (membership.isMember(node) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return membership.isMember(node);
    }

    /** {@code notifications/cancelled}: cancels the request here, or tells every node to. */
    void cancel(String sessionId, JsonValue requestId) {
        if (!cancelLocally(sessionId, requestId)) {
            signals.broadcast(new Signal(Signal.Type.CANCEL, sessionId, requestId));
        }
    }

    private boolean cancelLocally(String sessionId, JsonValue requestId) {
        RequestContext ctx = running.get(key(sessionId, requestId));
        if (ctx != null) {
            ctx.cancel();
        }
        return ctx != null;
    }

    private static String key(String sessionId, JsonValue requestId) {
        return sessionId + ' ' + requestId;
    }
}
