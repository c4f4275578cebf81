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
    /** Events up to this number are known to exist (numbered before a take-over), arrived or not. */
    private long expectedThrough;
    private long expectedSince;

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

    /**
     * Events up to {@code seq} exist even if none after them arrives: a stream taken over from another
     * node may have events numbered before the take-over that are still being stored. Missing ones
     * count as a gap from {@code nowMillis} on.
     */
    void expectThrough(long seq, long nowMillis) {
        if (seq >= next && seq > expectedThrough) {
            expectedThrough = seq;
            expectedSince = nowMillis;
        }
    }

    /** True while events are held back behind a missing one, or expected events have not all arrived. */
    boolean hasWaiting() {
        return !waiting.isEmpty() || next <= expectedThrough;
    }

    /** Since when the gap has been open: the oldest held-back arrival, or the expectation. */
    long oldestWaitingSince() {
        long oldest = waiting.values().stream().mapToLong(Waiting::arrivedAt).min().orElse(Long.MAX_VALUE);
        return next <= expectedThrough ? Math.min(oldest, expectedSince) : oldest;
    }

    /** Gives up on the missing events before the first one waiting; returns the first skipped number. */
    long skipGap() {
        long from = next;
        Map.Entry<Long, Waiting<T>> first = waiting.firstEntry();
        if (first != null) {
            next = first.getKey();
        } else if (next <= expectedThrough) {
            next = expectedThrough + 1;
        }
        return from;
    }

    void clear() {
        waiting.clear();
        expectedThrough = 0;
    }
}
