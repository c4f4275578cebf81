package io.mcpcluster.infinispan;

import io.mcpcluster.session.Ids;
import io.mcpcluster.sse.LocalStreams;
import io.mcpcluster.stream.StreamKind;
import io.mcpcluster.stream.StreamRecord;
import io.mcpcluster.stream.StreamRegistry;
import org.infinispan.Cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Stream records in the {@code streams} cache (stream id → {@link StreamRecord} as JSON text), except
 * POST streams that nothing has needed to store yet: those stay in this node's memory, since they die
 * with their connection and nobody can resume them.
 */
final class InfinispanStreamRegistry implements StreamRegistry {
    private final String nodeName;
    private final Cache<String, String> streams;
    /** A record outlives its events, so that an expired Last-Event-ID can be told apart from a forged one. */
    private final long recordLifespanMillis;
    private final LocalStreams localStreams;
    private final Map<String, StreamRecord> unstored = new ConcurrentHashMap<>();

    InfinispanStreamRegistry(String nodeName, Cache<String, String> streams, LocalStreams localStreams,
                             long eventLifespanMillis) {
        this.nodeName = nodeName;
        this.streams = streams;
        this.localStreams = localStreams;
        this.recordLifespanMillis = 2 * eventLifespanMillis;
    }

    @Override
    public String open(String sessionId, StreamKind kind, Collection<String> requestIds) {
        String id = Ids.random();
        Map<String, String> unanswered = new TreeMap<>();
        requestIds.forEach(r -> unanswered.put(r, nodeName));
        StreamRecord record = StreamRecord.open(id, sessionId, kind, nodeName, unanswered);
        if (kind == StreamKind.POST) {
            unstored.put(id, record);
        } else {
            store(record);
        }
        return id;
    }

    private void store(StreamRecord record) {
        TopologyRetry.run(() -> streams.put(record.id(), record.toJson(), recordLifespanMillis, TimeUnit.MILLISECONDS));
    }

    @Override
    public void ensureStored(String streamId) {
        unstored.computeIfPresent(streamId, (id, record) -> {
            store(record);
            return null;
        });
    }

    /**
     * For a POST stream not stored yet: {@code answerDirectly} may hand its first message to the local
     * connection (a plain JSON answer, nothing to log); when it declines, the stream is stored first.
     * Returns true when the message was answered directly. False also for a stream that is stored already.
     */
    boolean answerUnstored(String streamId, BooleanSupplier answerDirectly) {
        if (unstored.isEmpty()) {
            return false;
        }
        boolean[] answered = {false};
        unstored.computeIfPresent(streamId, (id, record) -> {
            if (answerDirectly.getAsBoolean()) {
                answered[0] = true;
                // Kept (never stored) until the connection closes, so that closing costs no cache call.
                return record;
            }
            store(record);
            return null;
        });
        return answered[0];
    }

    @Override
    public StreamRecord find(String streamId) {
        StreamRecord local = unstored.get(streamId);
        if (local != null) {
            return local;
        }
        String json = streams.get(streamId);
        return json == null ? null : StreamRecord.fromJson(streamId, json);
    }

    @Override
    public StreamRecord update(String streamId, UnaryOperator<StreamRecord> change) {
        return TopologyRetry.call(() -> compareAndSet(streamId, change));
    }

    private StreamRecord compareAndSet(String streamId, UnaryOperator<StreamRecord> change) {
        while (true) {
            String old = streams.get(streamId);
            if (old == null) {
                return null;
            }
            StreamRecord current = StreamRecord.fromJson(streamId, old);
            StreamRecord next = change.apply(current);
            if (next.equals(current) || streams.replace(streamId, old, next.toJson(), recordLifespanMillis,
                    TimeUnit.MILLISECONDS)) {
                return current;
            }
        }
    }

    @Override
    public void detach(String streamId, long deliveredSeq) {
        if (unstored.remove(streamId) != null) {
            return; // the client never saw an event id of it: nothing to resume
        }
        // Only if this node still holds it and no newer connection of this node took it over.
        update(streamId, r -> nodeName.equals(r.holder()) && localStreams.lookup(streamId) == null
                ? r.withHolder(StreamRecord.DETACHED).withDelivered(deliveredSeq) : r);
    }

    @Override
    public StreamRecord remove(String streamId) {
        StreamRecord local = unstored.remove(streamId);
        if (local != null) {
            return local;
        }
        String json = streams.remove(streamId);
        return json == null ? null : StreamRecord.fromJson(streamId, json);
    }

    @Override
    public List<StreamRecord> owingResponsesFrom(Collection<String> nodes) {
        List<StreamRecord> affected = new ArrayList<>();
        // An iterator pulls the entries here; a stream operation would ship a lambda to every node.
        try (var entries = streams.entrySet().iterator()) {
            while (entries.hasNext()) {
                var e = entries.next();
                StreamRecord r = StreamRecord.fromJson(e.getKey(), e.getValue());
                if (r.unanswered().values().stream().anyMatch(nodes::contains)
                        || r.recentAnswers().values().stream().anyMatch(a -> nodes.contains(a.writer()))) {
                    affected.add(r);
                }
            }
        }
        return affected;
    }
}
