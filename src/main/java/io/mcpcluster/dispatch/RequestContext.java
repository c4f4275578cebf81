package io.mcpcluster.dispatch;

import io.mcpcluster.api.Cancellation;
import io.mcpcluster.api.Elicitation;
import io.mcpcluster.api.McpClientException;
import io.mcpcluster.api.McpConnection;
import io.mcpcluster.api.McpContext;
import io.mcpcluster.api.McpLog;
import io.mcpcluster.api.Progress;
import io.mcpcluster.api.Roots;
import io.mcpcluster.api.Sampling;
import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.LogLevel;
import io.mcpcluster.protocol.McpMethods;
import io.mcpcluster.session.Session;
import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request being served on this node: its session (as read when the request arrived), where its
 * messages go, and its cancellation flag. Implements every context interface of the user API.
 */
public final class RequestContext implements McpContext, McpLog, Progress, Cancellation, McpConnection {
    private final Session session;
    private final JsonValue requestId;
    private final JsonValue progressToken;
    private final Outbound outbound;
    private final ClientRequests clientRequests;
    private final Jsonb jsonb;
    /** The MRTR round of a 2026 request that may ask for input, else null. */
    private final InputRound round;
    /** The W3C trace context of a 2026 request, else null. */
    private final String traceparent;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    RequestContext(Session session, JsonValue requestId, JsonValue progressToken, Outbound outbound,
                   ClientRequests clientRequests, Jsonb jsonb) {
        this(session, requestId, progressToken, outbound, clientRequests, jsonb, null, null);
    }

    RequestContext(Session session, JsonValue requestId, JsonValue progressToken, Outbound outbound,
                   ClientRequests clientRequests, Jsonb jsonb, InputRound round, String traceparent) {
        this.round = round;
        this.traceparent = traceparent;
        this.session = session;
        this.requestId = requestId;
        this.progressToken = progressToken;
        this.outbound = outbound;
        this.clientRequests = clientRequests;
        this.jsonb = jsonb;
    }

    public Session session() {
        return session;
    }

    Outbound outbound() {
        return outbound;
    }

    void cancel() {
        cancelled.set(true);
    }

    @Override
    public JsonValue requestId() {
        return requestId;
    }

    @Override
    public String traceparent() {
        return traceparent;
    }

    @Override
    public McpLog log() {
        return this;
    }

    @Override
    public Progress progress() {
        return this;
    }

    @Override
    public Cancellation cancellation() {
        return this;
    }

    @Override
    public McpConnection connection() {
        return this;
    }

    @Override
    public Sampling sampling() {
        return sampling(null);
    }

    private Sampling sampling(String key) {
        return new Sampling() {
            @Override
            public boolean isSupported() {
                return session.clientSupports("sampling");
            }

            @Override
            public CompletionStage<JsonObject> createMessage(JsonObject params) {
                return ask(key, "sampling", McpMethods.SAMPLING_CREATE_MESSAGE, params);
            }

            @Override
            public CompletionStage<JsonObject> createMessage(String userText, int maxTokens) {
                JsonObject params = Jsons.createObjectBuilder()
                        .add("messages", Jsons.createArrayBuilder().add(Jsons.createObjectBuilder().add("role", "user")
                                .add("content", Jsons.createObjectBuilder().add("type", "text").add("text", userText))))
                        .add("maxTokens", maxTokens).build();
                return createMessage(params);
            }

            @Override
            public Sampling keyed(String inputKey) {
                return sampling(inputKey);
            }
        };
    }

    @Override
    public Elicitation elicitation() {
        return elicitation(null);
    }

    private Elicitation elicitation(String key) {
        return new Elicitation() {
            @Override
            public boolean isSupported() {
                return session.clientSupports("elicitation");
            }

            @Override
            public CompletionStage<JsonObject> send(String message, JsonObject requestedSchema) {
                JsonObject params = Jsons.createObjectBuilder().add("message", message)
                        .add("requestedSchema", requestedSchema).build();
                return ask(key, "elicitation", McpMethods.ELICITATION_CREATE, params);
            }

            @Override
            public Elicitation keyed(String inputKey) {
                return elicitation(inputKey);
            }
        };
    }

    @Override
    public Roots roots() {
        return roots(null);
    }

    private Roots roots(String key) {
        return new Roots() {
            @Override
            public boolean isSupported() {
                return session.clientSupports("roots");
            }

            @Override
            public CompletionStage<JsonObject> list() {
                return ask(key, "roots", McpMethods.ROOTS_LIST, JsonValue.EMPTY_JSON_OBJECT);
            }

            @Override
            public Roots keyed(String inputKey) {
                return roots(inputKey);
            }
        };
    }

    /**
     * A server-to-client request: sent on the session's stream and awaited (2025), or a question of the
     * request's MRTR round (2026), answered at once when the retry carries its answer.
     */
    private CompletionStage<JsonObject> ask(String key, String capability, String method, JsonObject params) {
        if (round != null) {
            return round.ask(key, capability, method, params);
        }
        if (clientRequests == null) {
            return java.util.concurrent.CompletableFuture.failedFuture(new McpClientException(
                    ErrorCodes.METHOD_NOT_FOUND, method + " cannot be asked here: in the 2026-07-28 era only "
                    + "tools/call, prompts/get and resources/read ask for input"));
        }
        return clientRequests.send(this, capability, method, params);
    }

    @Override
    public void closeStream() {
        outbound.closeForPolling(session.id());
    }

    // McpLog

    @Override
    public void send(String level, Object data) {
        LogLevel l = LogLevel.parse(level);
        if (!l.passes(session.logLevel())) {
            return;
        }
        JsonValue payload = data instanceof JsonValue jv ? jv
                : data instanceof String s ? Jsons.createValue(s)
                : JsonRpc.parse(jsonb.toJson(data));
        outbound.send(JsonRpc.notification(McpMethods.NOTIFY_MESSAGE, Jsons.createObjectBuilder()
                .add("level", l.wireName()).add("data", payload).build()));
    }

    // Progress

    @Override
    public boolean hasToken() {
        return progressToken != null;
    }

    @Override
    public void notify(double progress, Double total, String message) {
        if (progressToken == null) {
            return;
        }
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("progressToken", progressToken);
        addNumber(b, "progress", progress);
        if (total != null) {
            addNumber(b, "total", total);
        }
        if (message != null) {
            b.add("message", message);
        }
        outbound.send(JsonRpc.notification(McpMethods.NOTIFY_PROGRESS, b.build()));
    }

    private static void addNumber(JsonObjectBuilder b, String key, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            b.add(key, (long) value);
        } else {
            b.add(key, value);
        }
    }

    // Cancellation

    @Override
    public boolean isRequested() {
        return cancelled.get();
    }

    // McpConnection

    @Override
    public String sessionId() {
        return session.id();
    }

    @Override
    public String protocolVersion() {
        return session.protocolVersion();
    }

    @Override
    public JsonObject clientInfo() {
        return session.clientInfo();
    }

    @Override
    public JsonObject clientCapabilities() {
        return session.clientCapabilities();
    }

    @Override
    public String principal() {
        return session.principal();
    }
}
