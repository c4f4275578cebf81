package io.mcpcluster.infinispan;

import io.mcpcluster.infinispan.routing.RoutedValue;
import io.mcpcluster.infinispan.routing.TargetNodeFilter;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.sse.EventId;
import io.mcpcluster.sse.LocalStream;
import io.mcpcluster.sse.LocalStreams;
import io.mcpcluster.stream.Event;
import io.mcpcluster.stream.EventLog;
import io.mcpcluster.stream.StreamRecord;
import jakarta.json.JsonObject;
import org.infinispan.AdvancedCache;
import org.infinispan.Cache;
import org.infinispan.context.Flag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Events in the {@code events} cache: {@code streamId:seq} → {@link RoutedValue} addressed to the
 * stream's holder. A writer takes the next sequence number by compare-and-set on the stream record,
 * stores the event, and, when it holds the stream itself, writes it straight to the local connection.
 * Otherwise the holder's one {@link RoutedEntryListener} picks the event up.
 */
final class InfinispanEventLog implements EventLog {
    private static final Logger LOG = Logger.getLogger(InfinispanEventLog.class.getName());
    private static final int REPLAY_BATCH = 64;

    private final String nodeName;
    private final InfinispanStreamRegistry registry;
    private final AdvancedCache<String, String> events;
    private final LocalStreams localStreams;
    private final long eventLifespanMillis;
    private final int maxEventsPerStream;
    private final RoutedEntryListener listener = new RoutedEntryListener(this::onEntry);

    InfinispanEventLog(String nodeName, InfinispanStreamRegistry registry, Cache<String, String> events,
                       LocalStreams localStreams, long eventLifespanMillis, int maxEventsPerStream) {
        this.nodeName = nodeName;
        this.registry = registry;
        this.events = events.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
        this.localStreams = localStreams;
        this.eventLifespanMillis = eventLifespanMillis;
        this.maxEventsPerStream = maxEventsPerStream;
    }

    /** Registers this node's listener; completes when it is active cluster-wide. */
    CompletionStage<Void> start() {
        return events.addListenerAsync(listener, new TargetNodeFilter(nodeName), null);
    }

    /** Removes the listener: needed where the caches outlive the application (WildFly). */
    void stop() {
        events.removeListener(listener);
    }

    @Override
    public CompletionStage<Long> send(String streamId, JsonObject message) {
        boolean response = !message.containsKey("method");
        String json = JsonRpc.write(message);
        if (registry.answerUnstored(streamId, () -> answerDirectly(streamId, json, response))) {
            return CompletableFuture.completedFuture(1L);
        }
        String answered = response && message.containsKey("id") ? JsonRpc.write(message.get("id")) : null;
        StreamRecord record = registry.update(streamId, r -> r.advanced(answered, nodeName));
        if (record == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Unknown stream " + streamId));
        }
        EventId id = new EventId(streamId, record.nextSeq());
        String value = new RoutedValue(record.holder(), nodeName, response, json).encode();
        TopologyRetry.run(() -> events.put(id.cacheKey(), value, eventLifespanMillis, TimeUnit.MILLISECONDS));
        if (id.seq() > maxEventsPerStream) {
            events.removeAsync(new EventId(streamId, id.seq() - maxEventsPerStream).cacheKey());
        }
        if (nodeName.equals(record.holder())) {
            deliverLocally(id, json, response);
        }
        return CompletableFuture.completedFuture(id.seq());
    }

    /** A response that the local connection answers as one plain JSON body needs no log entry. */
    private boolean answerDirectly(String streamId, String json, boolean response) {
        LocalStream local = localStreams.lookup(streamId);
        if (response && local != null && local.acceptsUnloggedResponse()) {
            local.deliver(1, json, true);
            return true;
        }
        return false;
    }

    @Override
    public List<Event> eventsAfter(String streamId, long afterSeq) {
        StreamRecord record = registry.find(streamId);
        List<Event> out = new ArrayList<>();
        if (record == null) {
            return out;
        }
        long end = record.nextSeq() - 1;
        for (long from = Math.max(afterSeq + 1, end - maxEventsPerStream + 1); from <= end; from += REPLAY_BATCH) {
            Set<String> keys = new LinkedHashSet<>();
            for (long seq = from; seq <= Math.min(end, from + REPLAY_BATCH - 1); seq++) {
                keys.add(new EventId(streamId, seq).cacheKey());
            }
            Map<String, String> found = events.getAll(keys);
            for (String key : keys) {
                String value = found.get(key);
                if (value != null) {
                    RoutedValue routed = RoutedValue.decode(value);
                    out.add(new Event(EventId.fromCacheKey(key), routed.payload(), routed.response()));
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
        // Counting down: counting up to a seq of Long.MAX_VALUE would overflow and never end.
        long oldest = Math.max(1, seq - maxEventsPerStream + 1);
        for (long s = seq; s >= oldest; s--) {
            events.removeAsync(new EventId(streamId, s).cacheKey());
        }
    }

    private void onEntry(String key, RoutedValue value) {
        deliverLocally(EventId.fromCacheKey(key), value.payload(), value.response());
    }

    private void deliverLocally(EventId id, String json, boolean response) {
        LocalStream stream = localStreams.lookup(id.streamId());
        if (stream != null) {
            stream.deliver(id.seq(), json, response);
        } else {
            LOG.fine(() -> "Event " + id + " for a stream not open here; kept for replay");
        }
    }
}
