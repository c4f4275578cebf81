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
import io.mcpcluster.transport.StreamResumption;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
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
        String streamId = server.router().openStream(session.id(), StreamKind.STANDALONE, List.of());
        AtomicBoolean won = new AtomicBoolean();
        server.updateSession(session.id(), s -> {
            boolean free = !isConnected(s.standaloneStreamId());
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
        SseStream stream = StreamOpener.open(server, req, streamId, session.id(),
                new SseStream.Options(1, 0, true, false, null, server.config().gapTimeoutMillis()), 0);
        stream.openAsEventStream(ProtocolVersions.usesPrimingEvents(session.protocolVersion())
                ? SseFrameEncoder.priming(streamId + ".0", server.config().sseRetryMillis())
                : SseFrameEncoder.keepAlive());
    }

    /** A standalone stream blocks a second one while a live node holds its connection. */
    private boolean isConnected(String streamId) {
        if (streamId == null) {
            return false;
        }
        StreamRecord r = server.router().findStream(streamId);
        return r != null && r.isHeld() && server.router().isMember(r.holder());
    }

    void resume(HttpServletRequest req, HttpServletResponse resp, Session session, String lastEventId)
            throws IOException {
        StreamRecord record = StreamResumption.find(server, lastEventId, session.id());
        if (record == null) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_NOT_FOUND, JsonValue.NULL, JsonRpc.INVALID_REQUEST,
                    "Unknown Last-Event-ID: no such stream in this session; open a new stream without it");
            return;
        }
        StreamResumption.resume(server, req, resp, record, StreamResumption.seqOf(lastEventId),
                SseFrameEncoder.keepAlive());
    }
}
