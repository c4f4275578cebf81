package io.mcpcluster.transport;

import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.server.McpServer;
import io.mcpcluster.session.MessageRouter;
import io.mcpcluster.session.MessageRouter.StreamKind;
import io.mcpcluster.session.StreamRecord;
import io.mcpcluster.sse.SseStream;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * Resuming a stream after {@code Last-Event-ID} on whichever node the client reached: the event id
 * {@code <stream>.<seq>} names the stream, this node takes it over (the previous holder, if alive,
 * closes its connection), replays what came after {@code seq} in order, then goes on live.
 *
 * <p>Answers: {@code 404} for an id that names no stream of this session (forged, or the stream was
 * finished or expired); {@code 410 Gone} when the stream is known but the events after the id are no
 * longer retained (older than {@code mcp.event.retention.millis} or beyond
 * {@code mcp.event.retention.count} per stream): the client must start over.
 */
public final class StreamResumption {
    private StreamResumption() {
    }

    /** The stream record named by {@code lastEventId} if it belongs to {@code sessionId}, else null. */
    public static StreamRecord find(McpServer server, String lastEventId, String sessionId) {
        int dot = lastEventId.lastIndexOf('.');
        if (dot <= 0 || parseSeq(lastEventId.substring(dot + 1)) < 0) {
            return null;
        }
        StreamRecord r = server.router().findStream(lastEventId.substring(0, dot));
        return r != null && (sessionId == null || r.sessionId().equals(sessionId)) ? r : null;
    }

    public static long seqOf(String lastEventId) {
        return parseSeq(lastEventId.substring(lastEventId.lastIndexOf('.') + 1));
    }

    /** Resumes {@code record} after {@code after}; {@code firstFrame} commits the response (endpoint, comment). */
    public static void resume(McpServer server, HttpServletRequest req, HttpServletResponse resp, StreamRecord record,
                              long after, byte[] firstFrame) throws IOException {
        MessageRouter router = server.router();
        if (!router.retainsEventsAfter(record, after)) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_GONE, JsonValue.NULL, JsonRpc.INVALID_REQUEST,
                    "Gone: the events after " + record.id() + "." + after + " are no longer retained");
            return;
        }
        List<MessageRouter.Event> log = router.eventsAfter(record.id(), after);
        boolean endless = record.kind() == StreamKind.STANDALONE;
        int owed = endless ? 0 : record.unanswered().size() + (int) log.stream().filter(MessageRouter.Event::response).count();
        resp.setHeader(McpHeaders.SESSION_ID, record.sessionId());
        SseStream stream = StreamOpener.open(server, req, record.id(), record.sessionId(),
                new SseStream.Options(after + 1, owed, endless, false, null, server.config().gapTimeoutMillis()), 0);
        stream.openAsEventStream(firstFrame);
        router.claim(record.id());
        log.forEach(e -> stream.deliver(e.seq(), e.json(), e.response()));
        // Events written between the read above and the claim went to the previous holder: read again.
        StreamOpener.refill(router, stream);
        router.acknowledge(record.id(), after);
        if (!endless && owed == 0) {
            stream.closeAfterDrain();
        }
    }

    private static long parseSeq(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
