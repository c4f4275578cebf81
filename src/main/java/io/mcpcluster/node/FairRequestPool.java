package io.mcpcluster.node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs client requests on a fixed set of threads, fairly between sessions. Each key (a session, or a
 * principal) has its own FIFO lane, and a free thread takes the next request from the lanes in turn
 * (round robin): a session with a hundred requests waiting delays another session's request by at
 * most one turn, not a hundred.
 *
 * <p>Two bounds, both checked when a request is submitted (a refused request is never queued):
 * a key has at most {@code perKey} requests open (waiting, running, or awaiting an asynchronous answer
 * until its {@code done} runs), and at most {@code maxWaiting} requests of all keys wait for a thread.
 * A request's thread is interrupted only by the request itself (a timed-out tool); the flag is cleared
 * before the thread takes the next request.
 */
public final class FairRequestPool {
    private static final Logger LOG = Logger.getLogger(FairRequestPool.class.getName());

    private record Job(Consumer<Runnable> request, Runnable done) {
    }

    private static final class Lane {
        final String key;
        final ArrayDeque<Job> waiting = new ArrayDeque<>();
        int open;
        boolean inTurn;

        Lane(String key) {
            this.key = key;
        }
    }

    private final Object lock = new Object();
    private final Map<String, Lane> lanes = new HashMap<>();
    /** Lanes with a request waiting, in the order they get a thread. */
    private final ArrayDeque<Lane> turns = new ArrayDeque<>();
    private final int perKey;
    private final int maxWaiting;
    private final List<Thread> threads = new ArrayList<>();
    private int waiting;
    private int idle;
    private boolean stopped;

    public FairRequestPool(int threadCount, int maxWaiting, int perKey, ThreadFactory factory) {
        this.perKey = perKey;
        this.maxWaiting = maxWaiting;
        for (int i = 0; i < threadCount; i++) {
            Thread t = factory.newThread(this::work);
            threads.add(t);
            t.start();
        }
    }

    /**
     * Queues {@code request} in {@code key}'s lane. It is called on a pool thread with a {@code done}
     * callback (idempotent) that it must run once it is answered; until then it counts against the key.
     *
     * @throws RequestRefused when the key or the node is at its limit
     */
    public void submit(String key, Consumer<Runnable> request) {
        synchronized (lock) {
            Lane lane = lanes.get(key);
            if (stopped) {
                throw new RequestRefused(false, "Server shutting down, retry on another node");
            }
            if (lane != null && lane.open >= perKey) {
                throw new RequestRefused(true, "Too many concurrent requests in this session (limit " + perKey
                        + "), retry later");
            }
            if (waiting >= maxWaiting + idle) {
                throw new RequestRefused(false, "Server busy (" + waiting + " requests waiting), retry later");
            }
            if (lane == null) {
                lane = new Lane(key);
                lanes.put(key, lane);
            }
            Lane owner = lane;
            AtomicBoolean finished = new AtomicBoolean();
            Runnable done = () -> {
                if (finished.compareAndSet(false, true)) {
                    close(owner);
                }
            };
            lane.open++;
            lane.waiting.add(new Job(request, done));
            waiting++;
            if (!lane.inTurn) {
                lane.inTurn = true;
                turns.add(lane);
            }
            lock.notify();
        }
    }

    /** Threads running a request now (for {@code /health} details). */
    public int running() {
        synchronized (lock) {
            return threads.size() - idle;
        }
    }

    /** Requests waiting for a thread now. */
    public int waiting() {
        synchronized (lock) {
            return waiting;
        }
    }

    /** Requests open for {@code key} on this node (for tests and diagnostics). */
    public int open(String key) {
        synchronized (lock) {
            Lane lane = lanes.get(key);
            return lane == null ? 0 : lane.open;
        }
    }

    public void stop() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
        threads.forEach(Thread::interrupt);
    }

    private void close(Lane lane) {
        synchronized (lock) {
            if (--lane.open == 0 && lane.waiting.isEmpty()) {
                lanes.remove(lane.key, lane);
            }
        }
    }

    private void work() {
        while (true) {
            Job job = next();
            if (job == null) {
                return;
            }
            try {
                job.request().accept(job.done());
            } catch (RuntimeException | Error e) {
                job.done().run();
                LOG.log(Level.SEVERE, "A request failed outside its own handling", e);
            } finally {
                Thread.interrupted(); // a timed-out tool's interrupt must not reach the next request
            }
        }
    }

    /** The next request in turn, or null once stopped. */
    private Job next() {
        synchronized (lock) {
            idle++;
            try {
                while (turns.isEmpty() && !stopped) {
                    lock.wait();
                }
            } catch (InterruptedException e) {
                return null;
            } finally {
                idle--;
            }
            if (stopped) {
                return null;
            }
            Lane lane = turns.poll();
            Job task = lane.waiting.poll();
            waiting--;
            if (lane.waiting.isEmpty()) {
                lane.inTurn = false;
            } else {
                turns.add(lane);
            }
            return task;
        }
    }
}
