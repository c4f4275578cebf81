package io.mcpcluster.transport.sse;

import io.mcpcluster.server.McpServer;
import io.mcpcluster.session.MessageRouter.StreamKind;
import io.mcpcluster.session.Session;
import io.mcpcluster.sse.SseFrameEncoder;
import io.mcpcluster.sse.SseStream;
import io.mcpcluster.transport.StreamOpener;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;

/**
 * Legacy HTTP+SSE (MCP 2024-11-05), the stream half: {@code GET /sse} creates a session and opens its
 * stream, whose first event tells the client where to POST:
 * <pre>
 * event: endpoint
 * data: /context/messages?sessionId=…
 *
 * </pre>
 * Every response of the session then arrives on this stream as an {@code event: message}-less data
 * frame with an id, whichever node handled the POST.
 */
public class SseConnectServlet extends HttpServlet {
    private transient McpServer server;

    @Override
    public void init() {
        server = CDI.current().select(McpServer.class).get();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal p = req.getUserPrincipal();
        Session session = server.newSession(Session.LEGACY_SSE, p == null ? null : p.getName());
        String streamId = server.router().openStream(session.id(), StreamKind.STANDALONE);
        server.updateSession(session.id(), s -> s.withStandaloneStream(streamId));
        SseStream stream = StreamOpener.open(server, req, streamId, session.id(), 1, 0, false, 0, () -> { });
        String endpoint = req.getContextPath() + "/messages?sessionId=" + session.id();
        stream.openAsEventStream(SseFrameEncoder.encode(null, "endpoint", endpoint));
    }
}
