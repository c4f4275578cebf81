package io.mcpcluster.sse;

/**
 * Keeps what one {@link SseStream} holds for a slow client under {@code maxQueuedBytes} (one larger event
 * may still go alone). Not thread safe: the stream calls it under its lock.
 *
 * <p>A stream whose events are in the cluster's log ({@code refillable}) stops queueing at the bound and
 * falls <em>behind</em>: later events stay in the log, and when the client has read what was queued the
 * stream refills from the log. A client that reads nothing between two keep-alive ticks while behind is
 * dropped; it resumes with {@code Last-Event-ID}. A stream with no log behind it (a 2026-07-28 response)
 * is dropped as soon as the bound is passed.
 */
final class Backpressure {
    private final long maxQueuedBytes;
    private final Runnable refill;
    private final boolean refillable;
    private boolean behind;
    private long writtenAtLastTick = -1;

    /** {@code refill} fetches from the log what the stream left there (it hands off: it may run under a lock). */
    Backpressure(long maxQueuedBytes, Runnable refill) {
        this.maxQueuedBytes = maxQueuedBytes;
        this.refill = refill;
        this.refillable = refill != null;
    }

    long maxQueuedBytes() {
        return maxQueuedBytes;
    }

    /** True when an arriving event is left in the log instead of queued: the stream is behind. */
    boolean leavesInLog(FrameQueue queue) {
        if (refillable && queue.bytes() >= maxQueuedBytes) {
            behind = true;
        }
        return behind;
    }

    /** The client read everything queued: a stream that was behind refills from the log. */
    void drained() {
        if (behind) {
            behind = false;
            refill.run();
        }
    }

    /** True when a stream with no log behind it holds more than the bound for a client not ready to read. */
    boolean overflows(FrameQueue queue, boolean ready) {
        return !refillable && !ready && queue.exceeds(maxQueuedBytes);
    }

    /** At a keep-alive tick: true when the stream is behind and its client read nothing since the last tick. */
    boolean stalled(FrameQueue queue) {
        boolean stalled = behind && queue.writtenSeq() == writtenAtLastTick;
        writtenAtLastTick = queue.writtenSeq();
        return stalled;
    }
}
