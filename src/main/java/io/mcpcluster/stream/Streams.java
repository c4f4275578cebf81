package io.mcpcluster.stream;

import io.mcpcluster.cluster.ClusterSignals;
import io.mcpcluster.cluster.Membership;
import io.mcpcluster.cluster.Signal;
import io.mcpcluster.config.ExecutionLimits;
import io.mcpcluster.config.McpConfig;
import io.mcpcluster.node.NodeExecutors;
import io.mcpcluster.protocol.Jsons;
import io.mcpcluster.session.PendingRequests;
import io.mcpcluster.session.Session;
import io.mcpcluster.session.Sessions;
import io.mcpcluster.session.Transport;
import io.mcpcluster.sse.EventId;
import io.mcpcluster.sse.LocalStream;
import io.mcpcluster.sse.LocalStreams;
import io.mcpcluster.sse.SseFrameEncoder;
import io.mcpcluster.sse.SseStream;
import io.mcpcluster.sse.StreamOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The life of every stream on this node: opening (the answer of a POST, the session's one standalone
 * stream, a legacy SSE stream), resuming after {@code Last-Event-ID} on whichever node the client
 * reached, closing for polling, and closing when the cluster says so (session ended, stream taken
 * over elsewhere). Transports decide what to answer; this class only opens, claims and closes.
 *
 * <p>Resumption: the event id {@code <stream>.<seq>} names the stream; this node takes it over (the
 * previous holder, if alive, closes its connection), replays what came after {@code seq} in order,
 * then goes on live.
 */
@ApplicationScoped
public class Streams {
    private static final Logger LOG = Logger.getLogger(Streams.class.getName());
    /** How often the delivery mark of each legacy stream held here is recorded in the cluster. */
    private static final long DELIVERY_MARK_MILLIS = 1_000;
    /** A POST stream whose request runs longer than this is closed (the tool keeps its own timeouts). */
    private static final long POST_STREAM_TIMEOUT_MILLIS = 30 * 60_000L;

    /** What {@link #resume} did. */
    public enum Resumed { RESUMED, GONE }


    @Inject
    McpConfig config;
    @Inject
    ExecutionLimits limits;
    @Inject
    StreamRegistry registry;
    @Inject
    EventLog log;
    @Inject
    LocalStreams localStreams;
    @Inject
    ClusterSignals signals;
    @Inject
    Membership membership;
    @Inject
    NodeExecutors executors;
    @Inject
    Sessions sessions;
    @Inject
    PendingRequests pending;

    private StreamConnections connections;
    private LegacyReconnects reconnects;
    private final DeliveryMarks legacyDelivery = new DeliveryMarks();

    @PostConstruct
    void start() {
        connections = new StreamConnections(registry, log, localStreams, executors, limits.streamQueueBytes());
        signals.subscribe(Signal.Type.STREAM_TAKEN, s -> closeLocal(s, LocalStream::close));
        signals.subscribe(Signal.Type.POLL_CLOSE, s -> closeLocal(s, l -> l.closeForPolling(config.sseRetryMillis())));
        signals.subscribe(Signal.Type.SESSION_CLOSED, s -> localStreams.ofSession(s.sessionId())
                .forEach(LocalStream::close));
        reconnects = new LegacyReconnects(sessions, registry, pending, membership.nodeName(),
                config.legacyRelinkMillis(), executors.scheduler(), executors.workers(), new LegacyOutcome());
        signals.subscribe(Signal.Type.RELINK, s -> reconnects.onAnswer(s.sessionId(),
                ((JsonString) s.payload()).getString()));
        executors.scheduler().scheduleWithFixedDelay(() -> executors.workers().execute(this::recordLegacyDelivery),
                DELIVERY_MARK_MILLIS, DELIVERY_MARK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the answer of a Streamable POST that carries {@code requestIds} (JSON text of the ids): one
     * JSON body when allowed and the response comes first, else an event stream. Returns its stream id.
     */
    public String openPost(HttpServletRequest req, Session session, List<String> requestIds, boolean jsonAllowed)
            throws IOException {
        String streamId = registry.open(session.id(), StreamKind.POST, requestIds);
        byte[] priming = session.usesPrimingEvents() ? priming(streamId) : null;
        connections.open(req, streamId, session.id(), new StreamOptions(1, requestIds.size(), false, jsonAllowed,
                priming, config.gapTimeoutMillis()), POST_STREAM_TIMEOUT_MILLIS);
        return streamId;
    }

    /**
     * Opens the session's one standalone stream (Streamable GET), claimed in the session record by
     * compare-and-set so that two nodes cannot both open one. False when a live connection holds it.
     */
    public boolean openStandalone(HttpServletRequest req, Session session) throws IOException {
        String streamId = registry.open(session.id(), StreamKind.STANDALONE, List.of());
        AtomicBoolean won = new AtomicBoolean();
        sessions.update(session.id(), s -> {
            boolean free = !isConnected(s.standaloneStreamId());
            won.set(free);
            return free ? s.withStandaloneStream(streamId) : s;
        });
        if (!won.get()) {
            connections.remove(streamId);
            return false;
        }
        SseStream stream = connections.open(req, streamId, session.id(),
                StreamOptions.endless(1, config.gapTimeoutMillis()), 0);
        stream.openAsEventStream(session.usesPrimingEvents() ? priming(streamId) : SseFrameEncoder.keepAlive());
        return true;
    }

    /** Opens the stream of a new legacy SSE session; {@code firstFrame} is its endpoint event. */
    public void openLegacy(HttpServletRequest req, String sessionId, byte[] firstFrame) throws IOException {
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        openLegacy(async, sessionId, firstFrame);
    }

    private void openLegacy(AsyncContext async, String sessionId, byte[] firstFrame) throws IOException {
        String streamId = registry.open(sessionId, StreamKind.STANDALONE, List.of());
        sessions.update(sessionId, s -> s.withStandaloneStream(streamId));
        SseStream stream = connections.open(async, streamId, sessionId, StreamOptions.endless(1, config.gapTimeoutMillis()));
        legacyDelivery.track(stream);
        stream.openAsEventStream(firstFrame);
    }

    /** A legacy client reconnected without {@code Last-Event-ID}: see {@link LegacyReconnects}. */
    public void openLegacyReconnect(HttpServletRequest req, String principal, String version,
                                    Function<String, byte[]> endpointFrame) throws IOException {
        if (config.legacyRelinkMillis() <= 0) {
            String sessionId = sessions.create(Transport.LEGACY_SSE, principal).id();
            openLegacy(req, sessionId, endpointFrame.apply(sessionId));
        } else {
            reconnects.open(req, principal, version, endpointFrame);
        }
    }

    /**
     * For a POST of a legacy session: records that its stream owes responses to {@code requestIds}
     * (executed on this node, in case it dies) and says whether a client still reads that stream.
     */
    public LegacyStreamState expectLegacyResponses(Session session, List<String> requestIds) {
        String me = membership.nodeName();
        StreamRecord before = session.standaloneStreamId() == null ? null
                : registry.update(session.standaloneStreamId(), r -> {
                    StreamRecord next = r;
                    for (String id : requestIds) {
                        next = next.expecting(id, me);
                    }
                    return r.isHeld() && membership.isMember(r.holder()) ? next : next.orphaned();
                });
        if (before == null) {
            return LegacyStreamState.LOST;
        }
        if (before.isHeld() && membership.isMember(before.holder())) {
            return LegacyStreamState.LIVE;
        }
        long since = before.orphanedSince() == 0 ? System.currentTimeMillis() : before.orphanedSince();
        return System.currentTimeMillis() - since > config.legacyGraceMillis() ? LegacyStreamState.LOST
                : LegacyStreamState.ORPHANED;
    }

    /** A standalone stream blocks a second one while a live node holds its connection. */
    private boolean isConnected(String streamId) {
        if (streamId == null) {
            return false;
        }
        StreamRecord r = registry.find(streamId);
        return r != null && r.isHeld() && membership.isMember(r.holder());
    }

    /**
     * The stream named by {@code lastEventId} if it belongs to {@code sessionId} (any session when
     * null), else null: forged, finished, or expired.
     */
    public StreamRecord findResumable(EventId lastEventId, String sessionId) {
        if (lastEventId == null) {
            return null;
        }
        StreamRecord r = registry.find(lastEventId.streamId());
        return r != null && (sessionId == null || r.sessionId().equals(sessionId)) ? r : null;
    }

    /**
     * Resumes {@code record} after event {@code after} on this node; {@code firstFrame} commits the
     * response (an endpoint event, a comment). {@link Resumed#GONE} when the events after it are no
     * longer retained: nothing was written then, and the client must start over.
     */
    public Resumed resume(HttpServletRequest req, HttpServletResponse resp, StreamRecord record, long after,
                          byte[] firstFrame) throws IOException {
        if (!log.retainsEventsAfter(record, after)) {
            return Resumed.GONE;
        }
        List<Event> missed = log.eventsAfter(record.id(), after);
        boolean endless = record.kind() == StreamKind.STANDALONE;
        int owed = endless ? 0 : record.unanswered().size() + (int) missed.stream().filter(Event::response).count();
        SseStream stream = connections.open(req, record.id(), record.sessionId(),
                new StreamOptions(after + 1, owed, endless, false, null, config.gapTimeoutMillis()), 0);
        stream.openAsEventStream(firstFrame);
        if (endless) {
            legacyDelivery.track(stream);
        }
        // Events numbered before the claim went to the old holder; some may still be on their way to the log.
        stream.expectThrough(claim(record.id()) - 1);
        missed.forEach(e -> stream.deliver(e.seq(), e.json(), e.response()));
        // Events written between the read above and the claim went to the previous holder: read again.
        connections.refill(stream);
        log.acknowledge(record.id(), after);
        if (!endless && owed == 0) {
            stream.closeAfterDrain();
        }
        return Resumed.RESUMED;
    }

    /** Takes the stream over (a live previous holder closes its connection); returns the next event's number. */
    private long claim(String streamId) {
        String me = membership.nodeName();
        StreamRecord before = registry.update(streamId, r -> r.withHolder(me));
        if (before == null) {
            return 0;
        }
        if (before.isHeld() && !me.equals(before.holder()) && membership.isMember(before.holder())) {
            signals.send(before.holder(), new Signal(Signal.Type.STREAM_TAKEN, before.sessionId(),
                    Jsons.createValue(streamId)));
        }
        return before.nextSeq();
    }

    /** Asks the node holding a POST stream to end its connection for polling (the stream goes on). */
    public void closeForPolling(String streamId, String sessionId) {
        registry.ensureStored(streamId);
        StreamRecord r = registry.find(streamId);
        if (r != null && r.kind() == StreamKind.POST && r.isHeld()) {
            signals.send(r.holder(), new Signal(Signal.Type.POLL_CLOSE, sessionId, Jsons.createValue(streamId)));
        }
    }

    private void closeLocal(Signal signal, java.util.function.Consumer<LocalStream> action) {
        LocalStream s = localStreams.lookup(((JsonString) signal.payload()).getString());
        if (s != null) {
            action.accept(s);
        }
    }

    /** Records, for every legacy stream held here, the last event its socket took (for reconnects). */
    private void recordLegacyDelivery() {
        legacyDelivery.changed(localStreams).forEach((streamId, seq) -> registry.update(streamId, r -> r.withDelivered(seq)));
    }

    /** How a waiting legacy reconnect becomes a stream: its old session's again, or a new session's. */
    private final class LegacyOutcome implements LegacyReconnects.Outcome {
        @Override
        public void relink(AsyncContext async, Session session, StreamRecord record) throws IOException {
            long next = claim(record.id());
            long after = record.delivered();
            List<Event> missed = log.eventsAfter(record.id(), after);
            SseStream stream = connections.open(async, record.id(), session.id(),
                    StreamOptions.endless(after + 1, config.gapTimeoutMillis()));
            legacyDelivery.track(stream);
            stream.openAsEventStream(SseFrameEncoder.keepAlive());
            stream.expectThrough(next - 1);
            missed.forEach(e -> stream.deliver(e.seq(), e.json(), e.response()));
            connections.refill(stream);
            LOG.info(() -> "Legacy session " + session.id() + " relinked to a reconnect without Last-Event-ID; "
                    + missed.size() + " events after " + after + " replayed");
        }

        @Override
        public void openNew(AsyncContext async, String sessionId, byte[] endpointFrame) throws IOException {
            openLegacy(async, sessionId, endpointFrame);
        }
    }

    private byte[] priming(String streamId) {
        return SseFrameEncoder.priming(EventId.priming(streamId).toString(), config.sseRetryMillis());
    }
}
