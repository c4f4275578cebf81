package io.mcpcluster.it.support;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A node replaced the way Kubernetes replaces a pod behind an ingress, each step waiting on what the
 * previous one made true: SIGTERM (the node drains: readiness off, still serving), its {@code /health/ready}
 * seen 503, the balancer reloaded without it (an endpoints update), the node's exit, a new node on its
 * ports, its {@code /health/ready} seen 200 with every member in the view, the balancer reloaded with it.
 * A node of a release without {@code /health/ready} (and without a drain) is taken out of the balancer
 * first and stopped {@value #QUIET_MILLIS} ms later, once the calls it was running have ended.
 */
public final class Rollout {
    private static final long READINESS_SECONDS = 60;
    /** The drain's delay, its wait for running calls and the hand-off, on a loaded machine. */
    private static final long EXIT_SECONDS = 120;
    /** How long a node without a drain keeps its calls after the balancer stopped sending (they take 100 ms). */
    static final long QUIET_MILLIS = 3_000;

    private Rollout() {
    }

    /** Replaces node {@code index} of {@code cluster} by {@code start.apply(index)}; returns the new node. */
    public static NodeProcess replace(LocalCluster cluster, int index, IntFunction<NodeProcess> start) {
        NodeProcess old = cluster.node(index);
        List<Integer> others = cluster.ports().stream().filter(p -> p != old.port()).toList();
        boolean drains = servesReadiness(old);
        if (drains) {
            old.terminate();
            awaitReadiness(old, 503);
            cluster.balancer().reload(others);
        } else {
            cluster.balancer().reload(others);
            sleep(QUIET_MILLIS);
            old.terminate();
        }
        int exit = old.awaitExit(EXIT_SECONDS);
        // A node without the drain exits as the JVM does on SIGTERM: 128 + 15.
        if (exit != 0 && (drains || exit != 143)) {
            throw new IllegalStateException(old.name() + " exited with " + exit + " after its drain");
        }
        NodeProcess fresh = start.apply(index);
        cluster.awaitOneCluster();
        awaitReadiness(fresh, 200);
        cluster.balancer().reload(cluster.ports());
        return fresh;
    }

    /** Replaces node {@code index} by the same build on the same ports. */
    public static NodeProcess restart(LocalCluster cluster, int index) {
        return replace(cluster, index, cluster::startAgain);
    }

    private static boolean servesReadiness(NodeProcess node) {
        return RawHttp.send(node.port(), "GET", "/health/ready", java.util.Map.of(), null).status() != 404;
    }

    /** {@code /health/ready}'s status, or {@code /health}'s on a release without it; -1 when nothing answers. */
    private static int readiness(NodeProcess node) {
        try {
            int ready = RawHttp.send(node.port(), "GET", "/health/ready", java.util.Map.of(), null).status();
            return ready != 404 ? ready : RawHttp.send(node.port(), "GET", "/health", java.util.Map.of(), null).status();
        } catch (RuntimeException refused) {
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitReadiness(NodeProcess node, int status) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READINESS_SECONDS);
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = readiness(node);
            if (last == status) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException(node.name() + "'s /health/ready answered " + last + ", not " + status
                + ", for " + READINESS_SECONDS + " s");
    }
}
