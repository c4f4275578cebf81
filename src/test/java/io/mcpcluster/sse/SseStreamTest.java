package io.mcpcluster.sse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseStreamTest {
    private static final String NOTE = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"}";
    private static final String RESULT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}";
    private static final long MAX_QUEUED_BYTES = 1_000;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FakeConnection connection = new FakeConnection();
    private final AtomicInteger closes = new AtomicInteger();
    private final CountDownLatch gapReported = new CountDownLatch(1);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private SseStream open(StreamOptions options) throws Exception {
        return open(options, gapReported::countDown);
    }

    private SseStream open(StreamOptions options, Runnable onGap) throws Exception {
        SseStream stream = new SseStream("s", "session", connection.async, options, MAX_QUEUED_BYTES, onGap,
                s -> closes.incrementAndGet(), scheduler);
        Field lock = SseStream.class.getDeclaredField("lock");
        lock.setAccessible(true);
        connection.watchLock(lock.get(stream));
        stream.start();
        return stream;
    }

    private static StreamOptions requestStream(int owed, boolean jsonAllowed) {
        return new StreamOptions(1, owed, false, jsonAllowed, null, 1_000);
    }

    @Test
    void writesEventsInSequenceOrderEachOnceWhateverOrderTheyArriveIn() throws Exception {
        SseStream stream = open(StreamOptions.endless(1, 1_000));
        stream.deliver(2, "{\"n\":2}", false);
        stream.deliver(1, "{\"n\":1}", false);
        stream.deliver(1, "{\"n\":1}", false);
        stream.deliver(3, "{\"n\":3}", false);
        stream.deliver(2, "{\"n\":2}", false);
        assertEquals("id: s.1\nevent: message\ndata: {\"n\":1}\n\n"
                + "id: s.2\nevent: message\ndata: {\"n\":2}\n\n"
                + "id: s.3\nevent: message\ndata: {\"n\":3}\n\n", connection.written());
        assertEquals("text/event-stream", connection.headers.get("Content-Type"));
        assertEquals(0, closes.get());
    }

    @Test
    void holdsFramesWhileTheClientIsSlowAndWritesThemInOrderWhenItCatchesUp() throws Exception {
        SseStream stream = open(StreamOptions.endless(1, 1_000));
        connection.setReady(false);
        stream.deliver(1, "{\"n\":1}", false);
        stream.keepAlive();
        stream.deliver(2, "{\"n\":2}", false);
        assertEquals("", connection.written());
        connection.becomeReady();
        assertEquals("id: s.1\nevent: message\ndata: {\"n\":1}\n\nid: s.2\nevent: message\ndata: {\"n\":2}\n\n",
                connection.written());
    }

    @Test
    void answersTheOnlyOwedResponseAsOnePlainJsonBodyWhenItComesFirst() throws Exception {
        SseStream stream = open(requestStream(1, true));
        assertTrue(stream.acceptsUnloggedResponse());
        stream.deliver(1, RESULT, true);
        assertEquals(RESULT, connection.written());
        assertEquals("application/json", connection.headers.get("Content-Type"));
        assertEquals(1, connection.completions.get());
        assertEquals(1, closes.get());
        assertTrue(stream.isFinished());
        assertFalse(connection.completedUnderLock, "complete() ran while the stream's lock was held");
    }

    @Test
    void becomesAnEventStreamWhenANotificationComesFirstAndEndsAfterTheOwedResponse() throws Exception {
        byte[] priming = SseFrameEncoder.priming("s.0", 1000);
        SseStream stream = open(new StreamOptions(1, 1, false, true, priming, 1_000));
        stream.deliver(1, NOTE, false);
        assertFalse(stream.acceptsUnloggedResponse());
        assertEquals(0, connection.completions.get());
        stream.deliver(2, RESULT, true);
        assertEquals("id: s.0\nretry: 1000\ndata: \n\n" + "id: s.1\nevent: message\ndata: " + NOTE + "\n\n"
                + "id: s.2\nevent: message\ndata: " + RESULT + "\n\n", connection.written());
        assertEquals(1, connection.completions.get());
        assertTrue(stream.isFinished());
    }

    @Test
    void completesOutsideItsLockWhenTheLastFrameLeavesFromOnWritePossible() throws Exception {
        SseStream stream = open(requestStream(1, false));
        connection.setReady(false);
        stream.deliver(1, RESULT, true);
        assertEquals(0, connection.completions.get(), "nothing written yet: the stream must not end");
        connection.becomeReady();
        assertEquals(1, connection.completions.get());
        assertFalse(connection.completedUnderLock, "complete() ran while the stream's lock was held");
        assertEquals(1, closes.get());
    }

    @Test
    void theFirstFailedWriteClosesTheStreamOnceAndLaterEventsAreDropped() throws Exception {
        SseStream stream = open(StreamOptions.endless(1, 1_000));
        connection.failWrites = true;
        stream.deliver(1, "{\"n\":1}", false);
        connection.failWrites = false;
        stream.deliver(2, "{\"n\":2}", false);
        stream.close();
        assertEquals("", connection.written());
        assertEquals(1, connection.completions.get());
        assertEquals(1, closes.get());
        assertFalse(connection.completedUnderLock);
    }

    @Test
    void closeForPollingSendsRetryAndEndsTheConnectionButNotTheStream() throws Exception {
        SseStream stream = open(requestStream(1, true));
        stream.deliver(1, NOTE, false);
        stream.closeForPolling(2500);
        assertTrue(connection.written().endsWith("retry: 2500\n\n"), connection.written());
        assertEquals(1, connection.completions.get());
        assertFalse(stream.isFinished(), "the response is still owed: the client resumes for it");
    }

    @Test
    void asksTheLogForAMissingEventThenSkipsTheHoleAfterThreeTimeouts() throws Exception {
        SseStream stream = open(StreamOptions.endless(1, 40));
        stream.deliver(2, "{\"n\":2}", false);
        assertEquals("", connection.written(), "event 2 must wait for event 1");
        assertTrue(gapReported.await(5, TimeUnit.SECONDS), "the missing event was never looked up");
        awaitTrue(() -> connection.written().contains("id: s.2\n"), "event 2 was never written after the gap");
        assertFalse(connection.written().contains("id: s.1\n"));
        stream.deliver(1, "{\"n\":1}", false);
        stream.deliver(3, "{\"n\":3}", false);
        assertFalse(connection.written().contains("id: s.1\n"), "a skipped event must not appear late");
        assertTrue(connection.written().endsWith("id: s.3\nevent: message\ndata: {\"n\":3}\n\n"));
    }

    private static void awaitTrue(BooleanSupplier condition, String message) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message);
            }
            Thread.sleep(10);
        }
    }

    /** Delivers event 1 to a reading client, then events 2..6 of about 340 bytes each to one that stopped. */
    private SseStream fallBehind(Runnable onGap) throws Exception {
        SseStream stream = open(StreamOptions.endless(1, 1_000), onGap);
        stream.deliver(1, "{\"n\":1}", false);
        connection.setReady(false);
        String big = "{\"pad\":\"" + "x".repeat(300) + "\"}";
        for (int seq = 2; seq <= 6; seq++) {
            stream.deliver(seq, big, false);
        }
        return stream;
    }

    @Test
    void leavesEventsInTheLogPastTheLimitAndRefillsOnceTheReaderCaughtUp() throws Exception {
        fallBehind(gapReported::countDown);
        assertEquals(0, closes.get());
        connection.becomeReady();
        assertTrue(connection.written().contains("id: s.4\n"), "queued until the limit was reached");
        assertFalse(connection.written().contains("id: s.5\n"), "left in the log");
        assertTrue(gapReported.await(1, TimeUnit.SECONDS), "drained: refilled from the log");
    }

    @Test
    void dropsAReaderThatReadNothingBetweenTwoKeepAlivesWhileBehind() throws Exception {
        SseStream stream = fallBehind(gapReported::countDown);
        stream.keepAlive();
        assertEquals(0, closes.get());
        stream.keepAlive();
        assertEquals(1, closes.get(), "stalled: dropped");
        assertEquals(1, stream.flushedSeq(), "a resume starts after the last event handed to the socket");
        connection.becomeReady();
        assertFalse(connection.written().contains("pad"), "the dropped frames were freed, not written");
    }

    @Test
    void dropsAStreamWithNoLogBehindItAsSoonAsItPassesTheLimit() throws Exception {
        fallBehind(null);
        assertEquals(1, closes.get());
        assertEquals(1, connection.completions.get());
    }

    @Test
    void oneEventLargerThanTheLimitStillGoesWhenNothingElseWaits() throws Exception {
        SseStream stream = open(StreamOptions.endless(1, 1_000));
        connection.setReady(false);
        stream.deliver(1, "{\"pad\":\"" + "x".repeat(5_000) + "\"}", false);
        assertEquals(0, closes.get());
        connection.becomeReady();
        assertTrue(connection.written().contains("x".repeat(5_000)));
    }
}
