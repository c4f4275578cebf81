package io.mcpcluster.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class FairRequestPoolTest {
    private FairRequestPool pool;

    @AfterEach
    void stop() {
        pool.stop();
    }

    private static FairRequestPool pool(int threads, int maxWaiting, int perKey) {
        return new FairRequestPool(threads, maxWaiting, perKey, r -> new Thread(r, "test-request"));
    }

    /** Occupies one thread of the pool with a request of {@code key}; it ends when the returned latch counts down. */
    private static CountDownLatch occupy(FairRequestPool pool, String key) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        block(pool, key, running, release);
        assertTrue(running.await(5, TimeUnit.SECONDS));
        return release;
    }

    /** Runs a request of {@code key} that counts {@code running} down and ends when {@code release} does. */
    private static void block(FairRequestPool pool, String key, CountDownLatch running, CountDownLatch release) {
        pool.submit(key, done -> {
            running.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.run();
        });
    }

    @Test
    void anotherSessionsRequestRunsNextNotAfterTheWholeBacklogOfTheFirst() throws Exception {
        pool = pool(1, 100, 100);
        CountDownLatch release = occupy(pool, "a");
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(6);
        for (int i = 1; i <= 5; i++) {
            String name = "a" + i;
            pool.submit("a", done -> { order.add(name); done.run(); all.countDown(); });
        }
        pool.submit("b", done -> { order.add("b1"); done.run(); all.countDown(); });
        release.countDown();
        assertTrue(all.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("a1", "b1", "a2", "a3", "a4", "a5"), order);
    }

    @Test
    void refusesASessionOverItsLimitUntilOneOfItsRequestsIsDone() throws Exception {
        pool = pool(4, 10, 2);
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        block(pool, "a", running, release);
        block(pool, "a", running, release);
        assertTrue(running.await(5, TimeUnit.SECONDS));
        RequestRefused refused = assertThrows(RequestRefused.class, () -> pool.submit("a", done -> done.run()));
        assertTrue(refused.sessionLimit());
        assertTrue(refused.getMessage().contains("limit 2"), refused.getMessage());
        CountDownLatch other = new CountDownLatch(1);
        pool.submit("b", done -> { done.run(); other.countDown(); });
        assertTrue(other.await(5, TimeUnit.SECONDS), "another session is served meanwhile");
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pool.open("a") > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, pool.open("a"));
    }

    @Test
    void refusesEveryoneWhenTheWaitingRoomIsFullAndCountsARequestUntilItsDoneRuns() throws Exception {
        pool = pool(1, 1, 10);
        CountDownLatch release = occupy(pool, "a");
        AtomicReference<Runnable> later = new AtomicReference<>();
        pool.submit("b", later::set); // waits for the one thread
        RequestRefused busy = assertThrows(RequestRefused.class, () -> pool.submit("c", done -> done.run()));
        assertFalse(busy.sessionLimit());
        assertTrue(busy.getMessage().contains("retry later"), busy.getMessage());
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (later.get() == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(1, pool.open("b"), "answered asynchronously: open until its done runs");
        later.get().run();
        later.get().run();
        assertEquals(0, pool.open("b"), "done is idempotent");
    }
}
