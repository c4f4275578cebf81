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

import java.util.LinkedHashSet;
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

    InfinispanMessageRouter(String nodeName, Cache<String, String> streams, Cache<String, String> events,
                            Cache<String, String> signals, LocalStreams localStreams,
                            Consumer<Signal> signalHandler, long eventLifespanMillis) {
        this.nodeName = nodeName;
        this.streams = streams;
        this.events = events.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
        this.signals = signals.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
        this.localStreams = localStreams;
        this.signalHandler = signalHandler;
        this.eventLifespanMillis = eventLifespanMillis;
    }

    /** Registers this node's listeners; completes when both are active cluster-wide. */
    CompletionStage<Void> start() {
        TargetNodeFilter filter = new TargetNodeFilter(nodeName);
        CompletionStage<Void> e = events.addListenerAsync(new RoutedEntryListener(this::onEventEntry), filter, null);
        CompletionStage<Void> s = signals.addListenerAsync(new RoutedEntryListener(this::onSignalEntry), filter, null);
        return e.thenCombine(s, (a, b) -> null);
    }

    @Override
    public String nodeName() {
        return nodeName;
    }

    @Override
    public String openStream(String sessionId, StreamKind kind) {
        String id = Ids.random();
        streams.put(id, new StreamRecord(id, sessionId, kind, nodeName, 1).toJson(), eventLifespanMillis * 4,
                TimeUnit.MILLISECONDS);
        return id;
    }

    @Override
    public CompletionStage<Long> send(String streamId, JsonObject message) {
        StreamRecord record = nextSequence(streamId);
        if (record == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Unknown stream " + streamId));
        }
        long seq = record.nextSeq();
        boolean response = !message.containsKey("method");
        String json = JsonRpc.write(message);
        events.put(eventKey(streamId, seq), new RoutedValue(record.holder(), nodeName, response, json).encode(),
                eventLifespanMillis, TimeUnit.MILLISECONDS);
        if (nodeName.equals(record.holder())) {
            deliverLocally(streamId, seq, json, response);
        }
        return CompletableFuture.completedFuture(seq);
    }

    /** Compare-and-set loop: returns the record as it was before its counter advanced. */
    private StreamRecord nextSequence(String streamId) {
        while (true) {
            String old = streams.get(streamId);
            if (old == null) {
                return null;
            }
            StreamRecord current = StreamRecord.fromJson(streamId, old);
            if (streams.replace(streamId, old, current.advanced().toJson(), eventLifespanMillis * 4,
                    TimeUnit.MILLISECONDS)) {
                return current;
            }
        }
    }

    @Override
    public StreamRecord claim(String streamId) {
        while (true) {
            String old = streams.get(streamId);
            if (old == null) {
                return null;
            }
            StreamRecord current = StreamRecord.fromJson(streamId, old);
            StreamRecord mine = current.withHolder(nodeName);
            if (streams.replace(streamId, old, mine.toJson(), eventLifespanMillis * 4, TimeUnit.MILLISECONDS)) {
                if (!nodeName.equals(current.holder())) {
                    signal(current.holder(), new Signal(Signal.Type.STREAM_TAKEN, current.sessionId(),
                            jakarta.json.Json.createValue(streamId)));
                }
                return mine;
            }
        }
    }

    @Override
    public StreamRecord findStream(String streamId) {
        String json = streams.get(streamId);
        return json == null ? null : StreamRecord.fromJson(streamId, json);
    }

    @Override
    public void closeStream(String streamId) {
        String json = streams.remove(streamId);
        if (json == null) {
            return;
        }
        long last = StreamRecord.fromJson(streamId, json).nextSeq() - 1;
        for (long seq = 1; seq <= last; seq++) {
            events.removeAsync(eventKey(streamId, seq));
        }
    }

    @Override
    public long replay(String streamId, long afterSeq, Consumer<Event> sink) {
        StreamRecord record = findStream(streamId);
        if (record == null) {
            return afterSeq;
        }
        long last = afterSeq;
        long end = record.nextSeq() - 1;
        for (long from = afterSeq + 1; from <= end; from += REPLAY_BATCH) {
            Set<String> keys = new LinkedHashSet<>();
            for (long seq = from; seq <= Math.min(end, from + REPLAY_BATCH - 1); seq++) {
                keys.add(eventKey(streamId, seq));
            }
            Map<String, String> found = events.getAll(keys);
            for (String key : keys) {
                String value = found.get(key);
                if (value != null) {
                    long seq = Long.parseLong(key.substring(key.lastIndexOf(':') + 1));
                    RoutedValue routed = RoutedValue.decode(value);
                    sink.accept(new Event(streamId, seq, routed.payload(), routed.response()));
                    last = seq;
                }
            }
        }
        return last;
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
