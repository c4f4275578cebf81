package io.mcpcluster.it.support;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A node replaced the way Kubernetes replaces a pod behind an ingress, each step waiting on what the
 * previous one made true: SIGTERM (the node drains: readiness off, still serving), its {@code /health/ready}
 * seen 503, the balancer reloaded without it (an endpoints update), the node's exit, a new node on its
 * ports, its {@code /health/ready} seen 200 with every member in the view, the balancer reloaded with it.
 */
public final class Rollout {
    private static final long READINESS_SECONDS = 60;
    /** The drain's delay, its wait for running calls and the hand-off, on a loaded machine. */
    private static final long EXIT_SECONDS = 120;

    private Rollout() {
    }

    /** Replaces node {@code index} of {@code cluster} by {@code start.apply(index)}; returns the new node. */
    public static NodeProcess replace(LocalCluster cluster, int index, IntFunction<NodeProcess> start) {
        NodeProcess old = cluster.node(index);
        old.terminate();
        awaitReadiness(old, 503);
        List<Integer> others = cluster.ports().stream().filter(p -> p != old.port()).toList();
        cluster.balancer().reload(others);
        int exit = old.awaitExit(EXIT_SECONDS);
        if (exit != 0) {
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

    private static void awaitReadiness(NodeProcess node, int status) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READINESS_SECONDS);
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = RawHttp.send(node.port(), "GET", "/health/ready", java.util.Map.of(), null).status();
            } catch (RuntimeException refused) {
                last = -1;
            }
            if (last == status) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(node.name() + "'s /health/ready answered " + last + ", not " + status
                + ", for " + READINESS_SECONDS + " s");
    }
}
