package io.mcpcluster.sse;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches a stream's gap: an event is missing while later ones wait (or events numbered before a
 * take-over have not arrived). Every {@code timeoutMillis} the missing events are looked up in the log
 * (they may have been addressed to a previous holder); after {@value #SKIP_AFTER} times that, their
 * writer is taken to have died between taking the numbers and storing the events, and the hole is
 * skipped. That is long enough for a writer whose store waits for a new cluster view (about a second).
 * Not thread safe: the owning {@link SseStream} calls it under its lock.
 */
final class GapWatch {
    enum Action { WAIT, FETCH, SKIP }

    static final int SKIP_AFTER = 10;

    private final ScheduledExecutorService scheduler;
    private final long timeoutMillis;
    private final Runnable check;
    private boolean scheduled;

    /** @param check runs on the scheduler when a scheduled check is due; it calls {@link #onCheck} */
    GapWatch(ScheduledExecutorService scheduler, long timeoutMillis, Runnable check) {
        this.scheduler = scheduler;
        this.timeoutMillis = timeoutMillis;
        this.check = check;
    }

    /** Schedules one check if events wait behind a gap and none is scheduled. */
    void watch(boolean eventsWaiting) {
        if (eventsWaiting && !scheduled) {
            scheduled = true;
            scheduler.schedule(check, timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** A check is due; {@code waitedMillis} is how long the oldest waiting event has waited. */
    Action onCheck(long waitedMillis) {
        scheduled = false;
        if (waitedMillis >= SKIP_AFTER * timeoutMillis) {
            return Action.SKIP;
        }
        return waitedMillis >= timeoutMillis ? Action.FETCH : Action.WAIT;
    }
}
