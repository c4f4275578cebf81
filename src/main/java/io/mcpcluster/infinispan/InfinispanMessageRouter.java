package io.mcpcluster.infinispan;

import io.mcpcluster.session.Ids;
import io.mcpcluster.session.LocalStream;
import io.mcpcluster.session.LocalStreams;
import io.mcpcluster.session.MessageRouter;
import io.mcpcluster.session.Signal;
import io.mcpcluster.session.StreamRecord;
import jakarta.json.JsonObject;
import org.infinispan.AdvancedCache;
import org.infinispan.Cache;
import org.infinispan.context.Flag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

import io.mcpcluster.protocol.JsonRpc;

/**
 * The event log and the delivery path. Three caches:
 * <ul>
 * <li>{@code streams}: stream id → {@link StreamRecord} (holder node, next sequence number);</li>
 * <li>{@code events}: {@code streamId:seq} → {@link RoutedValue} addressed to the holder;</li>
 * <li>{@code signals}: random key → {@link RoutedValue} carrying a {@link Signal}.</li>
 * </ul>
 * A writer takes the next sequence number by compare-and-set on the stream record, stores the event,
 * and, when it holds the stream itself, writes it straight to the local connection. Otherwise the
 * holder's {@link RoutedEntryListener} picks the event up.
 */
final class InfinispanMessageRouter implements MessageRouter {
    private static final Logger LOG = Logger.getLogger(InfinispanMessageRouter.class.getName());
    private static final int REPLAY_BATCH = 64;

    private final String nodeName;
    private final Cache<String, String> streams;
    private final AdvancedCache<String, String> events;
    private final AdvancedCache<String, String> signals;
    private final LocalStreams localStreams;
    private final Consumer<Signal> signalHandler;
    private final long eventLifespanMillis;
    private final int maxEventsPerStream;
    private final Supplier<Collection<String>> members;
    /** POST streams of this node not stored yet: they die with their connection, nothing to resume. */
    private final Map<String, StreamRecord> unstored = new java.util.concurrent.ConcurrentHashMap<>();
    private final RoutedEntryListener eventListener = new RoutedEntryListener(this::onEventEntry);
    private final RoutedEntryListener signalListener = new RoutedEntryListener(this::onSignalEntry);

    InfinispanMessageRouter(String nodeName, Cache<String, String> streams, Cache<String, String> events,
                            Cache<String, String> signals, LocalStreams localStreams,
                            Consumer<Signal> signalHandler, long eventLifespanMillis, int maxEventsPerStream,
                            Supplier<Collection<String>> members) {
        this.nodeName = nodeName;
        this.streams = streams;
        this.events = events.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
        this.signals = signals.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
        this.localStreams = localStreams;
        this.signalHandler = signalHandler;
        this.eventLifespanMillis = eventLifespanMillis;
        this.maxEventsPerStream = maxEventsPerStream;
        this.members = members;
    }

    /** Registers this node's listeners; completes when both are active cluster-wide. */
    CompletionStage<Void> start() {
        TargetNodeFilter filter = new TargetNodeFilter(nodeName);
        CompletionStage<Void> e = events.addListenerAsync(eventListener, filter, null);
        CompletionStage<Void> s = signals.addListenerAsync(signalListener, filter, null);
        return e.thenCombine(s, (a, b) -> null);
    }

    /** Removes this node's listeners: needed where the caches outlive the application (WildFly). */
    void stop() {
        events.removeListener(eventListener);
        signals.removeListener(signalListener);
    }

    @Override
    public String nodeName() {
        return nodeName;
    }

    @Override
    public List<String> members() {
        Collection<String> current = members.get();
        return current == null ? List.of(nodeName) : List.copyOf(current);
    }

    @Override
    public boolean isMember(String node) {
        Collection<String> current = members.get();
        return current == null ? nodeName.equals(node) : current.contains(node);
    }

    @Override
    public String openStream(String sessionId, StreamKind kind, Collection<String> requestIds) {
        String id = Ids.random();
        Map<String, String> unanswered = new TreeMap<>();
        requestIds.forEach(r -> unanswered.put(r, nodeName));
        StreamRecord record = new StreamRecord(id, sessionId, kind, nodeName, 1, unanswered, System.currentTimeMillis());
        if (kind == StreamKind.POST) {
            unstored.put(id, record);
        } else {
            store(record);
        }
        return id;
    }

    private void store(StreamRecord record) {
        streams.put(record.id(), record.toJson(), recordLifespan(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void ensureStored(String streamId) {
        unstored.computeIfPresent(streamId, (id, record) -> {
            store(record);
            return null;
        });
    }

    /**
     * The first message of a POST stream not yet stored: a response that the local connection will
     * answer as plain JSON is handed over directly (nothing to resume, nothing to log); anything else
     * stores the stream first. Returns true when the message was handled here.
     */
    private boolean sendUnstored(String streamId, String json, boolean response) {
        boolean[] handled = {false};
        unstored.computeIfPresent(streamId, (id, record) -> {
            LocalStream local = localStreams.lookup(id);
            if (response && local != null && local.acceptsUnloggedResponse()) {
                local.deliver(1, json, true);
                handled[0] = true;
                // Kept (never stored) until the connection closes, so that closing costs no cache call.
                return record;
            }
            store(record);
            return null;
        });
        return handled[0];
    }

    @Override
    public void expectResponse(String streamId, String requestId) {
        update(streamId, r -> r.expecting(requestId, nodeName));
    }

    @Override
    public void detach(String streamId) {
        if (unstored.remove(streamId) != null) {
            return; // the client never saw an event id of it: nothing to resume
        }
        // Only if this node still holds it and no newer connection of this node took it over.
        update(streamId, r -> nodeName.equals(r.holder()) && localStreams.lookup(streamId) == null
                ? r.withHolder(StreamRecord.DETACHED) : r);
    }

    /** Compare-and-set loop; returns the record before the change, or null if the stream is unknown. */
    private StreamRecord update(String streamId, UnaryOperator<StreamRecord> change) {
        while (true) {
            String old = streams.get(streamId);
            if (old == null) {
                return null;
            }
            StreamRecord current = StreamRecord.fromJson(streamId, old);
            StreamRecord next = change.apply(current);
            if (next.equals(current) || streams.replace(streamId, old, next.toJson(), recordLifespan(),
                    TimeUnit.MILLISECONDS)) {
                return current;
            }
        }
    }

    /** A stream record outlives its events, so that an expired Last-Event-ID can be told apart from a forged one. */
    private long recordLifespan() {
        return eventLifespanMillis * 2;
    }

    @Override
    public CompletionStage<Long> send(String streamId, JsonObject message) {
        boolean response = !message.containsKey("method");
        String json = JsonRpc.write(message);
        if (!unstored.isEmpty() && sendUnstored(streamId, json, response)) {
            return CompletableFuture.completedFuture(1L);
        }
        String answered = response && message.containsKey("id") ? JsonRpc.write(message.get("id")) : null;
        StreamRecord record = update(streamId, r -> r.advanced(answered));
        if (record == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Unknown stream " + streamId));
        }
        long seq = record.nextSeq();
        events.put(eventKey(streamId, seq), new RoutedValue(record.holder(), nodeName, response, json).encode(),
                eventLifespanMillis, TimeUnit.MILLISECONDS);
        if (seq > maxEventsPerStream) {
            events.removeAsync(eventKey(streamId, seq - maxEventsPerStream));
        }
        if (nodeName.equals(record.holder())) {
            deliverLocally(streamId, seq, json, response);
        }
        return CompletableFuture.completedFuture(seq);
    }

    @Override
    public StreamRecord claim(String streamId) {
        StreamRecord before = update(streamId, r -> r.withHolder(nodeName));
        if (before == null) {
            return null;
        }
        if (before.isHeld() && !nodeName.equals(before.holder()) && isMember(before.holder())) {
            signal(before.holder(), new Signal(Signal.Type.STREAM_TAKEN, before.sessionId(),
                    io.mcpcluster.protocol.Jsons.createValue(streamId)));
        }
        return before.withHolder(nodeName);
    }

    @Override
    public StreamRecord findStream(String streamId) {
        StreamRecord local = unstored.get(streamId);
        if (local != null) {
            return local;
        }
        String json = streams.get(streamId);
        return json == null ? null : StreamRecord.fromJson(streamId, json);
    }

    @Override
    public void closeStream(String streamId) {
        if (unstored.remove(streamId) != null) {
            return;
        }
        String json = streams.remove(streamId);
        if (json == null) {
            return;
        }
        acknowledge(streamId, StreamRecord.fromJson(streamId, json).nextSeq() - 1);
    }

    @Override
    public List<Event> eventsAfter(String streamId, long afterSeq) {
        StreamRecord record = findStream(streamId);
        List<Event> out = new ArrayList<>();
        if (record == null) {
            return out;
        }
        long end = record.nextSeq() - 1;
        for (long from = Math.max(afterSeq + 1, end - maxEventsPerStream + 1); from <= end; from += REPLAY_BATCH) {
            Set<String> keys = new LinkedHashSet<>();
            for (long seq = from; seq <= Math.min(end, from + REPLAY_BATCH - 1); seq++) {
                keys.add(eventKey(streamId, seq));
            }
            Map<String, String> found = events.getAll(keys);
            for (String key : keys) {
                String value = found.get(key);
                if (value != null) {
                    RoutedValue routed = RoutedValue.decode(value);
                    long seq = Long.parseLong(key.substring(key.lastIndexOf(':') + 1));
                    out.add(new Event(streamId, seq, routed.payload(), routed.response()));
                }
            }
        }
        return out;
    }

    @Override
    public boolean retainsEventsAfter(StreamRecord record, long afterSeq) {
        long last = record.nextSeq() - 1;
        if (afterSeq >= last) {
            return true;
        }
        boolean trimmedByCount = afterSeq + 1 < last - maxEventsPerStream + 1;
        boolean agedOut = System.currentTimeMillis() - record.lastWriteMillis() > eventLifespanMillis;
        return !trimmedByCount && !agedOut;
    }

    @Override
    public void acknowledge(String streamId, long seq) {
        for (long s = Math.max(1, seq - maxEventsPerStream + 1); s <= seq; s++) {
            events.removeAsync(eventKey(streamId, s));
        }
    }

    /**
     * Answers, with an error, every request that a departed node was executing: its result is lost with
     * the node, and the client should learn that now rather than at its own timeout. Run by one node.
     */
    void failRequestsOf(Set<String> departed) {
        List<StreamRecord> affected = new ArrayList<>();
        // An iterator pulls the entries here; a stream operation would ship a lambda to every node.
        try (var entries = streams.entrySet().iterator()) {
            while (entries.hasNext()) {
                var e = entries.next();
                StreamRecord r = StreamRecord.fromJson(e.getKey(), e.getValue());
                if (r.unanswered().values().stream().anyMatch(departed::contains)) {
                    affected.add(r);
                }
            }
        }
        for (StreamRecord r : affected) {
            r.unanswered().forEach((requestId, node) -> {
                if (departed.contains(node)) {
                    LOG.info(() -> "Request " + requestId + " of session " + r.sessionId() + " died with node " + node);
                    send(r.id(), JsonRpc.error(JsonRpc.parse(requestId), JsonRpc.INTERNAL_ERROR,
                            "The node executing this request left the cluster; the request may be retried", null));
                }
            });
        }
    }

    @Override
    public void signal(String node, Signal signal) {
        String target = node == null ? RoutedValue.EVERY_NODE : node;
        if (node == null || node.equals(nodeName)) {
            signalHandler.accept(signal);
        }
        if (node != null && node.equals(nodeName)) {
            return;
        }
        signals.putAsync(Ids.random(), new RoutedValue(target, nodeName, false, signal.toJson()).encode(),
                60, TimeUnit.SECONDS);
    }

    private void onEventEntry(String key, RoutedValue value) {
        int colon = key.lastIndexOf(':');
        deliverLocally(key.substring(0, colon), Long.parseLong(key.substring(colon + 1)), value.payload(),
                value.response());
    }

    private void deliverLocally(String streamId, long seq, String json, boolean response) {
        LocalStream stream = localStreams.lookup(streamId);
        if (stream != null) {
            stream.deliver(seq, json, response);
        } else {
            LOG.fine(() -> "Event " + streamId + "." + seq + " for a stream not open here; kept for replay");
        }
    }

    private void onSignalEntry(String key, RoutedValue value) {
        signalHandler.accept(Signal.fromJson(value.payload()));
    }

    static String eventKey(String streamId, long seq) {
        return streamId + ':' + seq;
    }
}
