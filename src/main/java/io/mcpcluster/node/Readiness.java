package io.mcpcluster.node;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/** Whether this node should be sent new requests, and why not: ready while no reason is held. Thread-safe. */
@ApplicationScoped
public class Readiness {
    private final Set<String> reasons = new ConcurrentSkipListSet<>();

    /** Holds {@code reason} (e.g. "joining", "cluster unreachable", "draining"); idempotent. */
    public void hold(String reason) {
        reasons.add(reason);
    }

    /** Releases {@code reason}; idempotent. */
    public void release(String reason) {
        reasons.remove(reason);
    }

    public boolean isReady() {
        return reasons.isEmpty();
    }

    /** A sorted copy of the reasons held. */
    public Set<String> reasons() {
        return new TreeSet<>(reasons);
    }
}
