package io.mcpcluster.sse;

import java.util.Map;
import java.util.TreeMap;

/**
 * Puts the events of one stream back in sequence order. Events may arrive out of order (several
 * nodes write one stream) or twice (retried cache writes); {@link #pollInOrder()} hands each one out
 * exactly once, in order, and holds back what comes after a missing one. Not thread safe: the owning
 * stream calls it under its lock.
 *
 * @param <T> the event payload
 */
final class SequencedEvents<T> {
    private record Waiting<T>(T event, long arrivedAt) {
    }

    private final TreeMap<Long, Waiting<T>> waiting = new TreeMap<>();
    private long next;

    SequencedEvents(long firstSeq) {
        this.next = firstSeq;
    }

    /** Adds event {@code seq}; false when it was handed out already or is waiting already (a duplicate). */
    boolean offer(long seq, T event, long nowMillis) {
        if (seq < next || waiting.containsKey(seq)) {
            return false;
        }
        waiting.put(seq, new Waiting<>(event, nowMillis));
        return true;
    }

    /** The next event in sequence, or null while it has not arrived. */
    T pollInOrder() {
        Waiting<T> w = waiting.remove(next);
        if (w == null) {
            return null;
        }
        next++;
        return w.event();
    }

    /** The sequence number the next event handed out will have. */
    long nextSeq() {
        return next;
    }

    boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** When the oldest event held back behind a gap arrived. */
    long oldestWaitingSince() {
        return waiting.values().stream().mapToLong(Waiting::arrivedAt).min().orElse(Long.MAX_VALUE);
    }

    /** Gives up on the missing events before the first one waiting; returns the first skipped number. */
    long skipGap() {
        long from = next;
        Map.Entry<Long, Waiting<T>> first = waiting.firstEntry();
        if (first != null) {
            next = first.getKey();
        }
        return from;
    }

    void clear() {
        waiting.clear();
    }
}
