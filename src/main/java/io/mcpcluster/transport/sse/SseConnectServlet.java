package io.mcpcluster.transport.sse;

import io.mcpcluster.session.MessageRouter.StreamKind;
import io.mcpcluster.session.Session;
import io.mcpcluster.session.StreamRecord;
import io.mcpcluster.sse.SseFrameEncoder;
import io.mcpcluster.sse.SseStream;
import io.mcpcluster.transport.McpHeaders;
import io.mcpcluster.transport.StreamOpener;
import io.mcpcluster.transport.StreamResumption;
import io.mcpcluster.transport.McpHttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Objects;

/**
 * Legacy HTTP+SSE (MCP 2024-11-05), the stream half: {@code GET /sse} creates a session and opens its
 * stream, whose first event tells the client where to POST:
 * <pre>
 * event: endpoint
 * data: /context/messages?sessionId=…
 *
 * </pre>
 * Every response of the session then arrives on this stream, with an id, whichever node handled the
 * POST. An EventSource that reconnects sends {@code Last-Event-ID}: the same session goes on, on
 * whichever node it reached, with the missed events replayed after a repeated endpoint event (no SDK
 * offers this; the legacy spec has no session resumption of its own). An unknown or expired id starts
 * a new session, as a first connection would.
 */
public class SseConnectServlet extends McpHttpServlet {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SseConnectServlet.class.getName());

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal p = req.getUserPrincipal();
        String principal = p == null ? null : p.getName();
        String lastEventId = req.getHeader(McpHeaders.LAST_EVENT_ID);
        if (lastEventId != null) {
            StreamRecord record = StreamResumption.find(server, lastEventId, null);
            Session session = record == null ? null : server.findSession(record.sessionId())
                    .filter(s -> Session.LEGACY_SSE.equals(s.transport()) && record.id().equals(s.standaloneStreamId()))
                    .filter(s -> Objects.equals(s.principal(), principal)).orElse(null);
            if (session != null) {
                LOG.fine(() -> "Legacy session " + session.id() + " resumes after " + lastEventId);
                StreamResumption.resume(server, req, resp, record, StreamResumption.seqOf(lastEventId),
                        endpointFrame(req, session));
                return;
            }
        }
        if (lastEventId != null) {
            LOG.info(() -> "Last-Event-ID " + lastEventId + " names no resumable legacy stream: new session");
        }
        Session session = server.newSession(Session.LEGACY_SSE, principal);
        String streamId = server.router().openStream(session.id(), StreamKind.STANDALONE, List.of());
        server.updateSession(session.id(), s -> s.withStandaloneStream(streamId));
        SseStream stream = StreamOpener.open(server, req, streamId, session.id(),
                new SseStream.Options(1, 0, true, false, null, server.config().gapTimeoutMillis()), 0);
        stream.openAsEventStream(endpointFrame(req, session));
    }

    private static byte[] endpointFrame(HttpServletRequest req, Session session) {
        return SseFrameEncoder.encode(null, "endpoint", req.getContextPath() + "/messages?sessionId=" + session.id());
    }
}
