package io.mcpcluster.drain;

import io.mcpcluster.cluster.Membership;
import io.mcpcluster.config.DrainSettings;
import io.mcpcluster.dispatch.Subscriptions;
import io.mcpcluster.node.FairRequestPool;
import io.mcpcluster.node.NodeExecutors;
import io.mcpcluster.node.Readiness;
import io.mcpcluster.stream.StreamHandoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The orderly departure of a node, before its container stops it. In order:
 * <ol>
 * <li>readiness off (reason {@value #REASON}): {@code /health/ready} answers 503, and balancers that
 *     poll it take the node out, while it goes on serving everything for {@link DrainSettings#delayMillis};</li>
 * <li>new requests refused: {@code 503} with a JSON-RPC error, before anything is recorded or run, so a
 *     balancer passes them to another node ({@code proxy_next_upstream http_503 non_idempotent}) and they
 *     run there once;</li>
 * <li>the 2026-07-28 listen streams end with their final response;</li>
 * <li>the requests let in before finish (their answers written), for at most {@link DrainSettings#timeoutMillis};</li>
 * <li>the SSE streams held here are handed off ({@link StreamHandoff}).</li>
 * </ol>
 * Leaving the cluster (a graceful stop of the cache manager) follows when the container stops the
 * application. {@link #run} is idempotent and thread-safe: a second caller waits for the first drain.
 */
@ApplicationScoped
public class Drain {
    /** The readiness reason a draining node holds. */
    public static final String REASON = "draining";
    private static final Logger LOG = Logger.getLogger(Drain.class.getName());

    @Inject
    DrainSettings settings;
    @Inject
    Readiness readiness;
    @Inject
    Membership membership;
    @Inject
    NodeExecutors executors;
    @Inject
    Subscriptions subscriptions;
    @Inject
    StreamHandoff handoff;

    private volatile boolean refusing;
    private boolean done;
    private final AtomicLong refused = new AtomicLong();
    /** POSTs and DELETEs let in and not yet answered in full. */
    private final AtomicInteger admitted = new AtomicInteger();

    /**
     * Drains this node, once. {@code balancersStillSend}: the container still accepts requests (a stop
     * signal, a pre-stop hook), so the node waits for balancers before it refuses; false when the
     * container already refuses them (WildFly suspended, a Jetty distribution's graceful stop).
     */
    public synchronized void run(boolean balancersStillSend) {
        if (done) {
            return;
        }
        long t0 = System.currentTimeMillis();
        readiness.hold(REASON);
        if (balancersStillSend && settings.delayMillis() > 0 && membership.members().size() > 1) {
            LOG.info(() -> "Draining: not ready; serving for " + settings.delayMillis()
                    + " ms more while balancers take this node out");
            sleepUntil(t0 + settings.delayMillis(), () -> false);
        }
        refusing = true;
        subscriptions.endAll();
        FairRequestPool requests = executors.requests();
        LOG.info(() -> "Draining: refusing new requests; waiting up to " + settings.timeoutMillis() + " ms for "
                + admitted.get() + " request(s) being answered, " + requests.running() + " running and "
                + requests.waiting() + " waiting");
        boolean idle = sleepUntil(System.currentTimeMillis() + settings.timeoutMillis(),
                () -> admitted.get() == 0 && requests.running() == 0 && requests.waiting() == 0);
        int running = Math.max(admitted.get(), requests.running() + requests.waiting());
        int streams = handoff.handOffAll(settings.handoffMillis());
        done = true;
        LOG.info(() -> "Drained in " + (System.currentTimeMillis() - t0) + " ms: " + streams + " stream(s) handed off, "
                + refused.get() + " request(s) refused" + (idle ? "" : ", " + running
                + " request(s) still running (the cluster answers them when this node has left)"));
    }

    /** True once the node refuses new requests (the transports answer them 503). */
    public boolean refusing() {
        return refusing;
    }

    /**
     * Counts a request let in as being answered until the returned callback runs (idempotent): the drain
     * waits for it. A request needs no count when its answer is a stream that is handed off instead.
     */
    public Runnable admit() {
        admitted.incrementAndGet();
        AtomicBoolean once = new AtomicBoolean();
        return () -> {
            if (once.compareAndSet(false, true)) {
                admitted.decrementAndGet();
            }
        };
    }

    /** Counts one refused request (for the drain's summary line). */
    public void countRefused() {
        refused.incrementAndGet();
    }

    /** Sleeps until {@code deadline} or until {@code condition} holds; returns whether it held. */
    private static boolean sleepUntil(long deadline, BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(Math.min(50, Math.max(1, deadline - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
        return true;
    }
}
