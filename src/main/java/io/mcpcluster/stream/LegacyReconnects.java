package io.mcpcluster.stream;

import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.Jsons;
import io.mcpcluster.protocol.ProtocolVersions;
import io.mcpcluster.session.Ids;
import io.mcpcluster.session.PendingRequests;
import io.mcpcluster.session.Session;
import io.mcpcluster.session.SessionLimitException;
import io.mcpcluster.session.Sessions;
import io.mcpcluster.session.Transport;
import io.mcpcluster.sse.ClosesOnEnd;
import io.mcpcluster.sse.ResponseMode;
import io.mcpcluster.sse.SseFrameEncoder;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Legacy SSE clients that reconnect without {@code Last-Event-ID}, as the TypeScript SDK's
 * SSEClientTransport does (it replaces the EventSource's headers). Such a reconnect is told from a new
 * client by the {@code MCP-Protocol-Version} header, which only an initialized client sends. Before
 * any endpoint event, the new connection carries one {@code ping} request with an unguessable id. The
 * client answers it by POSTing to the endpoint it still has, its old session's: holding that session's
 * id (with the same principal) and having read this connection proves it is that session's client, so
 * the connection becomes the session's stream again and gets what was not delivered. A client that
 * does not answer within {@code mcp.legacy.relink.millis} gets a new session, adopted at the version
 * its header named (it will not send {@code initialize} again).
 */
public final class LegacyReconnects {
    /** Prefix of the ids of relink pings; a client's response to one is routed here. */
    public static final String ID_PREFIX = "relink-";
    /** The scope under which relink pings are registered in {@link PendingRequests}. */
    public static final String PENDING_SCOPE = "relink";
    private static final Logger LOG = Logger.getLogger(LegacyReconnects.class.getName());

    /** A connection waiting to learn whose it is. */
    private record Waiting(String pingId, AsyncContext async, String principal, String version,
                           Function<String, byte[]> endpointFrame) {
    }

    /** What becomes of a waiting connection: it is relinked to a session, or starts a new one. */
    interface Outcome {
        void relink(AsyncContext async, Session session, StreamRecord stream) throws IOException;

        void openNew(AsyncContext async, String sessionId, byte[] endpointFrame) throws IOException;
    }

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Sessions sessions;
    private final StreamRegistry registry;
    private final PendingRequests pending;
    private final String nodeName;
    private final long relinkMillis;
    private final ScheduledExecutorService scheduler;
    private final Executor workers;
    private final Outcome outcome;

    LegacyReconnects(Sessions sessions, StreamRegistry registry, PendingRequests pending, String nodeName,
                     long relinkMillis, ScheduledExecutorService scheduler, Executor workers, Outcome outcome) {
        this.sessions = sessions;
        this.registry = registry;
        this.pending = pending;
        this.nodeName = nodeName;
        this.relinkMillis = relinkMillis;
        this.scheduler = scheduler;
        this.workers = workers;
        this.outcome = outcome;
    }

    public static boolean isRelinkPing(String requestId) {
        return requestId.startsWith(ID_PREFIX);
    }

    /** Opens the connection of a client that named a protocol version but no event: it must say who it is. */
    void open(HttpServletRequest req, String principal, String version, Function<String, byte[]> endpointFrame)
            throws IOException {
        Waiting w = new Waiting(ID_PREFIX + Ids.random(), req.startAsync(), principal, version, endpointFrame);
        w.async().setTimeout(0);
        w.async().addListener(new ClosesOnEnd(() -> abandon(w)));
        waiting.put(w.pingId(), w);
        pending.register(PENDING_SCOPE, w.pingId(), nodeName, relinkMillis);
        HttpServletResponse resp = (HttpServletResponse) w.async().getResponse();
        ResponseMode.commitAsEventStream(resp);
        // Written before any write listener exists (the stream that follows sets one): a short blocking write.
        ServletOutputStream out = resp.getOutputStream();
        out.write(SseFrameEncoder.encode(null, "message",
                JsonRpc.write(JsonRpc.request(Jsons.createValue(w.pingId()), "ping", null))));
        out.flush();
        scheduler.schedule(() -> workers.execute(() -> openNew(w)), relinkMillis, TimeUnit.MILLISECONDS);
    }

    /** The client answered the ping through {@code sessionId}: give the connection that session's stream. */
    void onAnswer(String sessionId, String pingId) {
        Waiting w = settle(pingId);
        if (w == null) {
            return;
        }
        Session session = sessions.find(sessionId, Transport.LEGACY_SSE, w.principal()).orElse(null);
        StreamRecord stream = session == null || session.standaloneStreamId() == null ? null
                : registry.find(session.standaloneStreamId());
        if (stream == null) {
            LOG.info(() -> "Relink ping answered through session " + sessionId + ", which has no stream: new session");
            startNew(w);
            return;
        }
        try {
            outcome.relink(w.async(), session, stream);
        } catch (IOException | RuntimeException e) {
            LOG.info(() -> "Relinking session " + sessionId + " failed: " + e);
            w.async().complete();
        }
    }

    private void openNew(Waiting w) {
        if (settle(w.pingId()) != null) {
            startNew(w);
        }
    }

    private void startNew(Waiting w) {
        Session s;
        try {
            s = sessions.create(Transport.LEGACY_SSE, w.principal());
        } catch (SessionLimitException e) {
            LOG.info(() -> "No new session for a legacy reconnect: " + e.getMessage());
            w.async().complete();
            return;
        }
        if (ProtocolVersions.isSupported(w.version())) {
            sessions.update(s.id(), x -> x.adoptedAt(w.version()));
            LOG.info(() -> "Legacy session " + s.id() + " adopted at " + w.version()
                    + " for a client that reconnected without naming its session");
        }
        try {
            outcome.openNew(w.async(), s.id(), w.endpointFrame().apply(s.id()));
        } catch (IOException | RuntimeException e) {
            LOG.info(() -> "Opening the stream of session " + s.id() + " failed: " + e);
            w.async().complete();
        }
    }

    private void abandon(Waiting w) {
        if (waiting.remove(w.pingId(), w)) {
            pending.remove(PENDING_SCOPE, w.pingId());
        }
    }

    /** Takes the connection out of the waiting ones; null if an answer, a timeout or a disconnect came first. */
    private Waiting settle(String pingId) {
        Waiting w = waiting.remove(pingId);
        if (w != null) {
            pending.remove(PENDING_SCOPE, pingId);
        }
        return w;
    }
}
