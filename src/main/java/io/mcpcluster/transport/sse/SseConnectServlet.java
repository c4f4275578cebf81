package io.mcpcluster.transport.sse;

import io.mcpcluster.session.Session;
import io.mcpcluster.session.SessionLimitException;
import io.mcpcluster.session.Transport;
import io.mcpcluster.sse.EventId;
import io.mcpcluster.sse.SseFrameEncoder;
import io.mcpcluster.stream.StreamRecord;
import io.mcpcluster.stream.Streams;
import io.mcpcluster.transport.HttpReplies;
import io.mcpcluster.transport.McpHeaders;
import io.mcpcluster.transport.McpHttpServlet;
import io.mcpcluster.transport.QueryParameter;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Legacy HTTP+SSE (MCP 2024-11-05), the stream half: {@code GET /sse} creates a session and opens its
 * stream, whose first event tells the client where to POST:
 * <pre>
 * event: endpoint
 * data: /context/messages?sessionId=…
 *
 * </pre>
 * Every response of the session then arrives on this stream, with an id, whichever node handled the
 * POST. A client that reconnects with {@code Last-Event-ID} and its session id ({@code ?sessionId=}, as in
 * its endpoint, or {@code Mcp-Session-Id}), as the same principal, goes on with the same session, on
 * whichever node it reached, with the missed events replayed after a repeated endpoint event (no SDK
 * offers this; the legacy spec has no session resumption of its own). An event id alone, an unknown or
 * expired one, or another principal's session starts
 * a new session, as a first connection would. A client that reconnects without {@code Last-Event-ID}
 * but with its {@code MCP-Protocol-Version} (the TypeScript SDK) is asked which session it had:
 * see {@link io.mcpcluster.stream.LegacyReconnects}.
 */
public class SseConnectServlet extends McpHttpServlet {
    private static final Logger LOG = Logger.getLogger(SseConnectServlet.class.getName());

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String principal = principal(req);
        String lastEventId = McpHeaders.lastEventId(req);
        EventId after = EventId.parse(lastEventId);
        if (lastEventId != null && after == null) {
            HttpReplies.malformedLastEventId(req, resp);
            return;
        }
        String sessionId = sessionId(req);
        if (after != null && sessionId != null && resume(req, resp, after, sessionId, principal)) {
            return;
        }
        if (lastEventId != null) {
            LOG.info(() -> "Last-Event-ID " + lastEventId + (sessionId == null ? " without a session id"
                    : " names no resumable stream of that session") + ": new session");
        }
        try {
            openNew(req, principal);
        } catch (SessionLimitException e) {
            HttpReplies.sessionLimit(req, resp, JsonValue.NULL, e);
        }
    }

    private void openNew(HttpServletRequest req, String principal) throws IOException {
        String version = req.getHeader(McpHeaders.PROTOCOL_VERSION);
        if (version != null) {
            // Only an initialized client sends its version: this is a reconnect that lost its Last-Event-ID.
            sessions.checkQuota(principal);
            streams.openLegacyReconnect(req, principal, version, id -> endpointFrame(req, id));
            return;
        }
        Session session = sessions.create(Transport.LEGACY_SSE, principal);
        streams.openLegacy(req, session.id(), endpointFrame(req, session.id()));
    }

    /**
     * The session a resuming client names, as in its endpoint ({@code ?sessionId=}) or in an
     * {@code Mcp-Session-Id} header: an event id alone never resumes a session (it travels in every frame).
     */
    private static String sessionId(HttpServletRequest req) {
        String id;
        try {
            id = QueryParameter.first(req, "sessionId");
        } catch (QueryParameter.Malformed e) {
            id = null; // a malformed id names no session: this connection starts a new one
        }
        return id != null && !id.isBlank() ? id : req.getHeader(McpHeaders.SESSION_ID);
    }

    /**
     * Resumes legacy session {@code sessionId} of {@code principal} whose stream {@code lastEventId} names;
     * false when there is none.
     */
    private boolean resume(HttpServletRequest req, HttpServletResponse resp, EventId lastEventId, String sessionId,
                           String principal) throws IOException {
        StreamRecord record = streams.findResumable(lastEventId, sessionId);
        Session session = record == null ? null : sessions.find(record.sessionId(), Transport.LEGACY_SSE, principal)
                .filter(s -> record.id().equals(s.standaloneStreamId())).orElse(null);
        if (session == null) {
            return false;
        }
        if (!record.hasIssued(lastEventId.seq())) {
            HttpReplies.lastEventIdNotIssued(req, resp, lastEventId);
            return true;
        }
        LOG.fine(() -> "Legacy session " + session.id() + " resumes after " + lastEventId);
        if (streams.resume(req, resp, record, lastEventId.seq(), endpointFrame(req, session.id()))
                == Streams.Resumed.GONE) {
            HttpReplies.gone(req, resp, lastEventId);
        }
        return true;
    }

    private static byte[] endpointFrame(HttpServletRequest req, String sessionId) {
        return SseFrameEncoder.encode(null, "endpoint", req.getContextPath() + "/messages?sessionId=" + sessionId);
    }
}
