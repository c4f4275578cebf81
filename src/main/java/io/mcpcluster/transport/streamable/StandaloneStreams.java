package io.mcpcluster.transport.streamable;

import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.ProtocolVersions;
import io.mcpcluster.server.McpServer;
import io.mcpcluster.session.MessageRouter.StreamKind;
import io.mcpcluster.session.Session;
import io.mcpcluster.session.StreamRecord;
import io.mcpcluster.sse.SseFrameEncoder;
import io.mcpcluster.sse.SseStream;
import io.mcpcluster.transport.HttpReplies;
import io.mcpcluster.transport.McpHeaders;
import io.mcpcluster.transport.StreamOpener;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The GET side of Streamable HTTP: the session's one standalone stream (claimed in the session record
 * by compare-and-set, so two nodes cannot both open one), and resumption after {@code Last-Event-ID}.
 */
final class StandaloneStreams {
    private final McpServer server;

    StandaloneStreams(McpServer server) {
        this.server = server;
    }

    void open(HttpServletRequest req, HttpServletResponse resp, Session session) throws IOException {
        String streamId = server.router().openStream(session.id(), StreamKind.STANDALONE);
        AtomicBoolean won = new AtomicBoolean();
        server.updateSession(session.id(), s -> {
            boolean free = s.standaloneStreamId() == null || server.router().findStream(s.standaloneStreamId()) == null;
            won.set(free);
            return free ? s.withStandaloneStream(streamId) : s;
        });
        if (!won.get()) {
            server.router().closeStream(streamId);
            HttpReplies.error(req, resp, HttpServletResponse.SC_CONFLICT, JsonValue.NULL, JsonRpc.SERVER_ERROR,
                    "Conflict: only one SSE stream is allowed per session");
            return;
        }
        resp.setHeader(McpHeaders.SESSION_ID, session.id());
        SseStream stream = StreamOpener.open(server, req, streamId, session.id(), 1, 0, false, 0,
                () -> release(session.id(), streamId));
        stream.openAsEventStream(firstFrame(session, streamId, 0));
    }

    /** Takes the stream of {@code lastEventId} over and replays what came after it. */
    void resume(HttpServletRequest req, HttpServletResponse resp, Session session, String lastEventId)
            throws IOException {
        int dot = lastEventId.lastIndexOf('.');
        StreamRecord record = dot < 0 ? null : server.router().findStream(lastEventId.substring(0, dot));
        long after = dot < 0 ? -1 : parseSeq(lastEventId.substring(dot + 1));
        if (record == null || after < 0 || !record.sessionId().equals(session.id())) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_NOT_FOUND, JsonValue.NULL, JsonRpc.INVALID_REQUEST,
                    "Unknown or expired Last-Event-ID: open a new stream without it");
            return;
        }
        String streamId = record.id();
        resp.setHeader(McpHeaders.SESSION_ID, session.id());
        int owed = record.kind() == StreamKind.POST ? 1 : 0;
        SseStream stream = StreamOpener.open(server, req, streamId, session.id(), after + 1, owed, false, 0,
                record.kind() == StreamKind.POST ? () -> server.router().closeStream(streamId)
                        : () -> release(session.id(), streamId));
        stream.openAsEventStream(firstFrame(session, streamId, after));
        server.router().claim(streamId);
        server.router().replay(streamId, after, e -> stream.deliver(e.seq(), e.json(), e.response()));
    }

    private void release(String sessionId, String streamId) {
        server.updateSession(sessionId, s -> streamId.equals(s.standaloneStreamId()) ? s.withStandaloneStream(null) : s);
        server.router().closeStream(streamId);
    }

    /** SEP-1699: a priming event (id, empty data) for 2025-11-25 clients; a comment for older ones. */
    private static byte[] firstFrame(Session session, String streamId, long seq) {
        if (ProtocolVersions.usesPrimingEvents(session.protocolVersion())) {
            return SseFrameEncoder.encode(streamId + "." + seq, null, "");
        }
        return SseFrameEncoder.keepAlive();
    }

    private static long parseSeq(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
