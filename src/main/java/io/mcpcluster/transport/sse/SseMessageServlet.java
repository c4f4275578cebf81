package io.mcpcluster.transport.sse;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.JsonRpcMessage;
import io.mcpcluster.session.Session;
import io.mcpcluster.session.Transport;
import io.mcpcluster.stream.LegacyStreamState;
import io.mcpcluster.transport.HttpReplies;
import io.mcpcluster.transport.QueryParameter;
import io.mcpcluster.transport.RequestBodies;
import jakarta.json.JsonValue;
import io.mcpcluster.transport.McpHttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * Legacy HTTP+SSE, the message half: {@code POST /messages?sessionId=…} on any node. The message is
 * checked here and answered {@code 202}; the response travels on the session's stream, wherever it is
 * held. Refusals carry a JSON-RPC error: 400 (no session id, bad JSON, not a message), 404 (unknown
 * session, or one whose stream has had no connection for longer than {@code mcp.legacy.grace.millis}),
 * 413, 415.
 */
public class SseMessageServlet extends McpHttpServlet {

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id;
        try {
            id = QueryParameter.first(req, "sessionId");
        } catch (QueryParameter.Malformed e) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_BAD_REQUEST, JsonValue.NULL, ErrorCodes.INVALID_REQUEST,
                    e.getMessage());
            return;
        }
        if (id == null || id.isBlank()) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_BAD_REQUEST, JsonValue.NULL, ErrorCodes.INVALID_REQUEST,
                    "Bad Request: sessionId query parameter is required");
            return;
        }
        Session session = sessions.find(id, Transport.LEGACY_SSE, principal(req)).map(s -> asCaller(s, req))
                .orElse(null);
        if (session == null) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_NOT_FOUND, JsonValue.NULL, ErrorCodes.SESSION_NOT_FOUND,
                    "Session not found");
            return;
        }
        if (!RequestBodies.isJson(req)) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, JsonValue.NULL,
                    ErrorCodes.SERVER_ERROR, "Unsupported Media Type: Content-Type must be application/json");
            return;
        }
        RequestBodies.Messages messages = RequestBodies.readMessages(req, resp, config.maxBodyBytes(), limits);
        if (messages == null || scopeCheck.refused(req, resp, messages.list())) {
            return;
        }
        List<String> requestIds = messages.list().stream().filter(JsonRpcMessage::isRequest)
                .map(m -> JsonRpc.write(m.id())).toList();
        if (streams.expectLegacyResponses(session, requestIds) == LegacyStreamState.LOST) {
            // Nobody reads this session's stream and its client did not come back in time: say so now,
            // so that its library raises instead of waiting for answers that cannot arrive.
            sessions.delete(session.id());
            HttpReplies.error(req, resp, HttpServletResponse.SC_NOT_FOUND, JsonValue.NULL, ErrorCodes.SESSION_NOT_FOUND,
                    "Session not found: its event stream was lost and not reopened in time; connect again");
            return;
        }
        HttpReplies.accepted(resp);
        messages.list().forEach(m -> inbound.accept(session, m, session.standaloneStreamId()));
    }
}
