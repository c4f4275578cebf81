package io.mcpcluster.dispatch;

import io.mcpcluster.cluster.ClusterSignals;
import io.mcpcluster.cluster.Membership;
import io.mcpcluster.config.ExecutionLimits;
import io.mcpcluster.config.McpConfig;
import io.mcpcluster.node.NodeExecutors;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.JsonRpcMessage;
import io.mcpcluster.protocol.McpMethods;
import io.mcpcluster.session.InboundRequests;
import io.mcpcluster.session.PendingRequests;
import io.mcpcluster.session.Session;
import io.mcpcluster.session.SessionStore;
import io.mcpcluster.stream.EventLog;
import io.mcpcluster.stream.Streams;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;

import java.util.logging.Logger;

/**
 * Where the transports hand every client message of a session, after their checks: requests run on
 * the worker pool ({@link RequestExecutor}), notifications change the session or cancel a request,
 * and responses complete a server-to-client request on whichever node waits for it.
 */
@ApplicationScoped
public class InboundMessages {
    private static final Logger LOG = Logger.getLogger(InboundMessages.class.getName());

    @Inject
    McpConfig config;
    @Inject
    ExecutionLimits limits;
    @Inject
    SessionStore sessions;
    @Inject
    EventLog log;
    @Inject
    Streams streams;
    @Inject
    ClusterSignals signals;
    @Inject
    Membership membership;
    @Inject
    PendingRequests pending;
    @Inject
    InboundRequests begun;
    @Inject
    NodeExecutors executors;
    @Inject
    FeatureRegistry features;
    @Inject
    Jsonb jsonb;

    private ClientRequests clientRequests;
    private RequestExecutor executor;

    @PostConstruct
    void start() {
        clientRequests = new ClientRequests(pending, signals, membership.nodeName(), executors.scheduler(),
                config.clientRequestTimeoutMillis());
        McpDispatcher dispatcher = new McpDispatcher(features, sessions, config.pageSize(),
                o -> JsonRpc.parse(jsonb.toJson(o)), config.serverName(), config.serverVersion(),
                new ToolDeadlines(executors.scheduler(), limits.toolTimeoutMillis()));
        executor = new RequestExecutor(dispatcher, new RequestContexts(log, streams, clientRequests, jsonb), signals,
                executors.requests(), begun, membership);
    }

    /**
     * Accepts one message of {@code session}. A request's notifications, server requests and response
     * go to {@code streamId} (null: nowhere, for messages that need no answer).
     */
    public void accept(Session session, JsonRpcMessage message, String streamId) {
        switch (message.kind()) {
            case REQUEST -> executor.execute(session, message, streamId);
            case NOTIFICATION -> onNotification(session, message);
            case RESPONSE -> clientRequests.onClientResponse(session.id(), message.id(), message.raw());
        }
    }

    private void onNotification(Session session, JsonRpcMessage n) {
        switch (n.method()) {
            case McpMethods.INITIALIZED -> sessions.update(session.id(), Session::withInitialized);
            case McpMethods.NOTIFY_CANCELLED -> {
                JsonValue requestId = n.params() == null ? null : n.params().get("requestId");
                if (requestId != null) {
                    executor.cancel(session.id(), requestId);
                }
            }
            default -> LOG.fine(() -> "Notification " + n.method() + " of session " + session.id());
        }
    }
}
