package io.mcpcluster.transport.streamable;

import io.mcpcluster.dispatch.StatelessRequests;
import io.mcpcluster.config.ExecutionLimits;
import io.mcpcluster.dispatch.Subscriptions;
import io.mcpcluster.node.NodeExecutors;
import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.JsonRpcMessage;
import io.mcpcluster.protocol.McpMethods;
import io.mcpcluster.protocol.ProtocolVersions;
import io.mcpcluster.session.Session;
import io.mcpcluster.session.SessionLimitException;
import io.mcpcluster.session.Transport;
import io.mcpcluster.sse.EventId;
import io.mcpcluster.sse.SseFrameEncoder;
import io.mcpcluster.stream.StreamRecord;
import io.mcpcluster.stream.Streams;
import io.mcpcluster.transport.AcceptHeader;
import io.mcpcluster.transport.HttpReplies;
import io.mcpcluster.transport.McpHeaders;
import io.mcpcluster.transport.RequestBodies;
import jakarta.json.JsonValue;
import io.mcpcluster.transport.McpHttpServlet;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * Streamable HTTP (MCP 2025-03-26, 2025-06-18, 2025-11-25) on one endpoint, and beside it the stateless
 * 2026-07-28 era, chosen per POST ({@link ModernRequests}). POST carries client
 * messages; its answer is {@code 202} (notifications and responses only), one JSON response, or an
 * event stream with the request's notifications before its response. GET opens the session's
 * standalone stream (one per session: {@code 409} for a second). DELETE ends the session everywhere.
 * Host, Origin and size checks run before, in {@link io.mcpcluster.transport.McpSecurityFilter}.
 */
public class StreamableHttpServlet extends McpHttpServlet {
    private transient ModernRequests modern;

    @Override
    public void init() {
        super.init();
        CDI<Object> cdi = CDI.current();
        modern = new ModernRequests(cdi.select(StatelessRequests.class).get(), cdi.select(Subscriptions.class).get(),
                cdi.select(NodeExecutors.class).get().scheduler(), config.gapTimeoutMillis(),
                cdi.select(ExecutionLimits.class).get().streamQueueBytes());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String accept = req.getHeader("Accept");
        if (!AcceptHeader.accepts(accept, McpHeaders.JSON) || !AcceptHeader.accepts(accept, McpHeaders.EVENT_STREAM)) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_NOT_ACCEPTABLE, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                    "Not Acceptable: Accept must list application/json and text/event-stream");
            return;
        }
        if (!RequestBodies.isJson(req)) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, JsonValue.NULL,
                    ErrorCodes.SERVER_ERROR, "Unsupported Media Type: Content-Type must be application/json");
            return;
        }
        RequestBodies.Messages parsed = RequestBodies.readMessages(req, resp, config.maxBodyBytes(), limits);
        if (parsed == null) {
            return;
        }
        List<JsonRpcMessage> messages = parsed.list();
        if (scopeCheck.refused(req, resp, messages)) {
            return;
        }
        if (!parsed.batch() && ModernRequests.chosenBy(req, messages.get(0))) {
            modern.serve(req, resp, messages.get(0));
            return;
        }
        boolean initialize = messages.size() == 1 && McpMethods.INITIALIZE.equals(messages.get(0).method());
        Session session = initialize ? newSession(req, resp, messages.get(0)) : requireSession(req, resp);
        if (session == null) {
            return;
        }
        if (parsed.batch() && !ProtocolVersions.allowsBatches(session.protocolVersion())) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_BAD_REQUEST, JsonValue.NULL, ErrorCodes.INVALID_REQUEST,
                    "Invalid Request: JSON-RPC batches are not supported in " + session.protocolVersion());
            return;
        }
        dispatch(req, resp, session, messages);
    }

    private void dispatch(HttpServletRequest req, HttpServletResponse resp, Session session,
                          List<JsonRpcMessage> messages) throws IOException {
        int requests = (int) messages.stream().filter(JsonRpcMessage::isRequest).count();
        if (requests == 0) {
            messages.forEach(m -> inbound.accept(session, m, null));
            HttpReplies.accepted(resp);
            return;
        }
        List<String> requestIds = messages.stream().filter(JsonRpcMessage::isRequest)
                .map(m -> JsonRpc.write(m.id())).toList();
        resp.setHeader(McpHeaders.SESSION_ID, session.id());
        boolean jsonAllowed = messages.size() == 1
                && !AcceptHeader.prefers(req.getHeader("Accept"), McpHeaders.EVENT_STREAM, McpHeaders.JSON);
        String streamId = streams.openPost(req, session, requestIds, jsonAllowed);
        messages.forEach(m -> inbound.accept(session, m, streamId));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (refusedWithoutSession(req, resp)) {
            return;
        }
        if (!AcceptHeader.accepts(req.getHeader("Accept"), McpHeaders.EVENT_STREAM)) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_NOT_ACCEPTABLE, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                    "Not Acceptable: Accept must list text/event-stream");
            return;
        }
        Session session = requireSession(req, resp);
        if (session == null) {
            return;
        }
        resp.setHeader(McpHeaders.SESSION_ID, session.id());
        String lastEventId = McpHeaders.lastEventId(req);
        if (lastEventId != null) {
            EventId after = EventId.parse(lastEventId);
            if (after == null) {
                HttpReplies.malformedLastEventId(req, resp);
            } else {
                resume(req, resp, session, after);
            }
        } else if (!streams.openStandalone(req, session)) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_CONFLICT, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                    "Conflict: only one SSE stream is allowed per session");
        }
    }

    private void resume(HttpServletRequest req, HttpServletResponse resp, Session session, EventId lastEventId)
            throws IOException {
        StreamRecord record = streams.findResumable(lastEventId, session.id());
        if (record == null) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_NOT_FOUND, JsonValue.NULL, ErrorCodes.INVALID_REQUEST,
                    "Unknown Last-Event-ID: no such stream in this session; open a new stream without it");
        } else if (!record.hasIssued(lastEventId.seq())) {
            HttpReplies.lastEventIdNotIssued(req, resp, lastEventId);
        } else if (streams.resume(req, resp, record, lastEventId.seq(), SseFrameEncoder.keepAlive())
                == Streams.Resumed.GONE) {
            HttpReplies.gone(req, resp, lastEventId);
        }
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (refusedWithoutSession(req, resp)) {
            return;
        }
        Session session = requireSession(req, resp);
        if (session == null) {
            return;
        }
        sessions.delete(session.id());
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentLength(0);
    }

    /** GET and DELETE exist only for a session (2025 era); 2026-07-28 has neither: 405. */
    private static boolean refusedWithoutSession(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getHeader(McpHeaders.SESSION_ID) != null) {
            return false;
        }
        resp.setHeader("Allow", "POST");
        HttpReplies.error(req, resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                "Method Not Allowed: " + req.getMethod() + " needs an Mcp-Session-Id (a 2025 session)");
        return true;
    }

    /** A new session for {@code initialize}, or null once a session limit is answered. */
    private Session newSession(HttpServletRequest req, HttpServletResponse resp, JsonRpcMessage initialize)
            throws IOException {
        try {
            Session s = sessions.create(Transport.STREAMABLE, principal(req));
            resp.setHeader(McpHeaders.SESSION_ID, s.id());
            return asCaller(s, req);
        } catch (SessionLimitException e) {
            HttpReplies.sessionLimit(req, resp, initialize.id(), e);
            return null;
        }
    }

    /**
     * The session named by {@code Mcp-Session-Id}, after the protocol-version and principal checks, or
     * null once the refusal is sent: 400 (no id, bad version), 404 (unknown, ended, other principal).
     */
    private Session requireSession(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getHeader(McpHeaders.SESSION_ID);
        if (id == null || id.isBlank()) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_BAD_REQUEST, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                    "Bad Request: Mcp-Session-Id header is required");
            return null;
        }
        String version = req.getHeader(McpHeaders.PROTOCOL_VERSION);
        if (version != null && !ProtocolVersions.isSupported(version)) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_BAD_REQUEST, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                    "Bad Request: unsupported MCP-Protocol-Version " + version + "; supported: "
                            + String.join(", ", ProtocolVersions.SUPPORTED));
            return null;
        }
        Session session = sessions.find(id, Transport.STREAMABLE, principal(req)).map(s -> asCaller(s, req))
                .orElse(null);
        if (session == null) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_NOT_FOUND, JsonValue.NULL, ErrorCodes.SESSION_NOT_FOUND,
                    "Session not found");
            return null;
        }
        return session;
    }
}
