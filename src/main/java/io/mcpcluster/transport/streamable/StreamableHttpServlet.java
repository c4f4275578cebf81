package io.mcpcluster.transport.streamable;

import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.JsonRpcMessage;
import io.mcpcluster.protocol.McpMethods;
import io.mcpcluster.protocol.ProtocolVersions;
import io.mcpcluster.session.MessageRouter.StreamKind;
import io.mcpcluster.session.Session;
import io.mcpcluster.sse.SseFrameEncoder;
import io.mcpcluster.sse.SseStream;
import io.mcpcluster.transport.AcceptHeader;
import io.mcpcluster.transport.HttpReplies;
import io.mcpcluster.transport.McpHeaders;
import io.mcpcluster.transport.RequestBodies;
import io.mcpcluster.transport.StreamOpener;
import jakarta.json.JsonValue;
import io.mcpcluster.transport.McpHttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

/**
 * Streamable HTTP (MCP 2025-03-26, 2025-06-18, 2025-11-25) on one endpoint. POST carries client
 * messages; its answer is {@code 202} (notifications and responses only), one JSON response, or an
 * event stream with the request's notifications before its response. GET opens the session's
 * standalone stream (one per session: {@code 409} for a second). DELETE ends the session everywhere.
 * Host, Origin and size checks run before, in {@link io.mcpcluster.transport.McpSecurityFilter}.
 */
public class StreamableHttpServlet extends McpHttpServlet {
    /** A POST stream whose request runs longer than this is closed (the tool keeps its own timeouts). */
    private static final long POST_STREAM_TIMEOUT_MILLIS = 30 * 60_000L;

    private transient StandaloneStreams standalone;

    @Override
    public void init() {
        super.init();
        standalone = new StandaloneStreams(server);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String accept = req.getHeader("Accept");
        if (!AcceptHeader.accepts(accept, McpHeaders.JSON) || !AcceptHeader.accepts(accept, McpHeaders.EVENT_STREAM)) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_NOT_ACCEPTABLE, JsonValue.NULL, JsonRpc.SERVER_ERROR,
                    "Not Acceptable: Accept must list application/json and text/event-stream");
            return;
        }
        if (!RequestBodies.isJson(req)) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, JsonValue.NULL,
                    JsonRpc.SERVER_ERROR, "Unsupported Media Type: Content-Type must be application/json");
            return;
        }
        RequestBodies.Messages parsed = RequestBodies.readMessages(req, resp, server.config().maxBodyBytes());
        if (parsed == null) {
            return;
        }
        List<JsonRpcMessage> messages = parsed.list();
        boolean initialize = messages.size() == 1 && McpMethods.INITIALIZE.equals(messages.get(0).method());
        Session session = initialize ? newSession(req, resp) : requireSession(req, resp);
        if (session == null) {
            return;
        }
        if (parsed.batch() && !ProtocolVersions.allowsBatches(session.protocolVersion())) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_BAD_REQUEST, JsonValue.NULL, JsonRpc.INVALID_REQUEST,
                    "Invalid Request: JSON-RPC batches are not supported in " + session.protocolVersion());
            return;
        }
        dispatch(req, resp, session, messages);
    }

    private void dispatch(HttpServletRequest req, HttpServletResponse resp, Session session,
                          List<JsonRpcMessage> messages) throws IOException {
        int requests = (int) messages.stream().filter(JsonRpcMessage::isRequest).count();
        if (requests == 0) {
            messages.forEach(m -> server.accept(session, m, null));
            HttpReplies.accepted(resp);
            return;
        }
        List<String> requestIds = messages.stream().filter(JsonRpcMessage::isRequest)
                .map(m -> JsonRpc.write(m.id())).toList();
        String streamId = server.router().openStream(session.id(), StreamKind.POST, requestIds);
        resp.setHeader(McpHeaders.SESSION_ID, session.id());
        boolean jsonAllowed = messages.size() == 1
                && !AcceptHeader.prefers(req.getHeader("Accept"), McpHeaders.EVENT_STREAM, McpHeaders.JSON);
        byte[] priming = ProtocolVersions.usesPrimingEvents(session.protocolVersion())
                ? SseFrameEncoder.priming(streamId + ".0", server.config().sseRetryMillis()) : null;
        StreamOpener.open(server, req, streamId, session.id(), new SseStream.Options(1, requests, false, jsonAllowed,
                priming, server.config().gapTimeoutMillis()), POST_STREAM_TIMEOUT_MILLIS);
        messages.forEach(m -> server.accept(session, m, streamId));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!AcceptHeader.accepts(req.getHeader("Accept"), McpHeaders.EVENT_STREAM)) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_NOT_ACCEPTABLE, JsonValue.NULL, JsonRpc.SERVER_ERROR,
                    "Not Acceptable: Accept must list text/event-stream");
            return;
        }
        Session session = requireSession(req, resp);
        if (session == null) {
            return;
        }
        String lastEventId = req.getHeader(McpHeaders.LAST_EVENT_ID);
        if (lastEventId != null) {
            standalone.resume(req, resp, session, lastEventId);
        } else {
            standalone.open(req, resp, session);
        }
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Session session = requireSession(req, resp);
        if (session == null) {
            return;
        }
        server.deleteSession(session.id());
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentLength(0);
    }

    private Session newSession(HttpServletRequest req, HttpServletResponse resp) {
        Principal p = req.getUserPrincipal();
        Session s = server.newSession(Session.STREAMABLE, p == null ? null : p.getName());
        resp.setHeader(McpHeaders.SESSION_ID, s.id());
        return s;
    }

    /**
     * The session named by {@code Mcp-Session-Id}, after the protocol-version and principal checks, or
     * null once the refusal is sent: 400 (no id, bad version), 404 (unknown, ended, other principal).
     */
    private Session requireSession(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getHeader(McpHeaders.SESSION_ID);
        if (id == null || id.isBlank()) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_BAD_REQUEST, JsonValue.NULL, JsonRpc.SERVER_ERROR,
                    "Bad Request: Mcp-Session-Id header is required");
            return null;
        }
        String version = req.getHeader(McpHeaders.PROTOCOL_VERSION);
        if (version != null && !ProtocolVersions.isSupported(version)) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_BAD_REQUEST, JsonValue.NULL, JsonRpc.SERVER_ERROR,
                    "Bad Request: unsupported MCP-Protocol-Version " + version + "; supported: "
                            + String.join(", ", ProtocolVersions.SUPPORTED));
            return null;
        }
        Session session = server.findSession(id).orElse(null);
        Principal p = req.getUserPrincipal();
        String principal = p == null ? null : p.getName();
        if (session == null || !Session.STREAMABLE.equals(session.transport())
                || !java.util.Objects.equals(session.principal(), principal)) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_NOT_FOUND, JsonValue.NULL, JsonRpc.SESSION_NOT_FOUND,
                    "Session not found");
            return null;
        }
        return session;
    }
}
