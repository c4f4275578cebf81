package io.mcpcluster.dispatch;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.api.McpClientException;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.session.Ids;
import io.mcpcluster.session.PendingRequests;
import io.mcpcluster.stream.LegacyReconnects;
import io.mcpcluster.cluster.ClusterSignals;
import io.mcpcluster.cluster.Signal;
import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Server-to-client requests (sampling, elicitation, roots). The waiting future lives on the node that
 * sent the request, and the cluster's {@link PendingRequests} says which node that is, so the client's
 * answer can be POSTed to any node: that node forwards it with a {@link Signal.Type#CLIENT_RESPONSE}.
 */
public final class ClientRequests {
    private static final Logger LOG = Logger.getLogger(ClientRequests.class.getName());

    

    private final Map<String, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
    private final PendingRequests pending;
    private final ClusterSignals signals;
    private final String nodeName;
    private final ScheduledExecutorService scheduler;
    private final long timeoutMillis;

    public ClientRequests(PendingRequests pending, ClusterSignals signals, String nodeName,
                          ScheduledExecutorService scheduler, long timeoutMillis) {
        this.pending = pending;
        this.signals = signals;
        this.nodeName = nodeName;
        signals.subscribe(Signal.Type.CLIENT_RESPONSE, s -> complete(s.sessionId(), s.payload().asJsonObject()));
        this.scheduler = scheduler;
        this.timeoutMillis = timeoutMillis;
    }

    CompletionStage<JsonObject> send(RequestContext ctx, String capability, String method, JsonObject params) {
        if (!ctx.session().clientSupports(capability)) {
            return CompletableFuture.failedFuture(new McpClientException(ErrorCodes.METHOD_NOT_FOUND,
                    "The client did not declare the '" + capability + "' capability"));
        }
        String sessionId = ctx.session().id();
        String id = "srv-" + Ids.random();
        String key = key(sessionId, id);
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        waiting.put(key, answer);
        pending.register(sessionId, id, nodeName, timeoutMillis);
        var timer = scheduler.schedule(() -> answer.completeExceptionally(
                new McpClientException(ErrorCodes.CLIENT_REQUEST_TIMEOUT, method + " got no answer in " + timeoutMillis + " ms")),
                timeoutMillis, TimeUnit.MILLISECONDS);
        answer.whenComplete((r, e) -> {
            timer.cancel(false);
            waiting.remove(key);
            pending.remove(sessionId, id);
        });
        ctx.outbound().send(JsonRpc.request(Jsons.createValue(id), method, params));
        return answer;
    }

    /** A client's response arrived at this node: complete it here or forward it to the waiting node. */
    public void onClientResponse(String sessionId, JsonValue id, JsonObject message) {
        if (id.getValueType() != JsonValue.ValueType.STRING) {
            LOG.fine(() -> "Response to an id this server never used: " + id);
            return;
        }
        String requestId = ((jakarta.json.JsonString) id).getString();
        if (LegacyReconnects.isRelinkPing(requestId)) {
            forwardRelink(sessionId, requestId);
            return;
        }
        if (waiting.containsKey(key(sessionId, requestId))) {
            complete(sessionId, message);
            return;
        }
        String node = pending.waiter(sessionId, requestId);
        if (node == null) {
            LOG.fine(() -> "Response to unknown or expired request " + requestId + " of session " + sessionId);
        } else {
            signals.send(node, new Signal(Signal.Type.CLIENT_RESPONSE, sessionId, message));
        }
    }

    /**
     * A client answered the ping sent on a stream it opened without {@code Last-Event-ID}, by POSTing to
     * {@code sessionId}: that proves it is this session's client. The node holding the new stream relinks.
     */
    private void forwardRelink(String sessionId, String pingId) {
        String node = pending.waiter(LegacyReconnects.PENDING_SCOPE, pingId);
        if (node == null) {
            LOG.fine(() -> "Relink answer " + pingId + " came too late for session " + sessionId);
        } else {
            signals.send(node, new Signal(Signal.Type.RELINK, sessionId, Jsons.createValue(pingId)));
        }
    }

    /** Completes the local waiter of {@code message}'s id, if this node has it. */
    private void complete(String sessionId, JsonObject message) {
        JsonValue id = message.get("id");
        if (id == null || id.getValueType() != JsonValue.ValueType.STRING) {
            return;
        }
        CompletableFuture<JsonObject> answer = waiting.get(key(sessionId, ((jakarta.json.JsonString) id).getString()));
        if (answer == null) {
            return;
        }
        if (message.containsKey("result") && message.get("result").getValueType() == JsonValue.ValueType.OBJECT) {
            answer.complete(message.getJsonObject("result"));
        } else {
            JsonObject error = message.containsKey("error") ? message.getJsonObject("error") : JsonValue.EMPTY_JSON_OBJECT;
            answer.completeExceptionally(new McpClientException(error.getInt("code", ErrorCodes.INTERNAL_ERROR),
                    error.getString("message", "The client answered with an error")));
        }
    }

    private static String key(String sessionId, String requestId) {
        return sessionId + ' ' + requestId;
    }
}
