package io.mcpcluster.session;

import io.mcpcluster.cluster.ClusterSignals;
import io.mcpcluster.cluster.Signal;
import io.mcpcluster.config.InputLimits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the live sessions created on this node, in all and per principal, and refuses one more beyond
 * {@link InputLimits#sessionsPerNode()} (503) or {@link InputLimits#sessionsPerPrincipal()} (429). A
 * session leaves the count when it is deleted on any node (the cluster's SESSION_CLOSED signal); one
 * that expired is found missing from the store when a limit is reached, at most once a second.
 * Anonymous sessions (no principal) count only towards the node's limit: without authentication all
 * clients are "anonymous", and a per-principal cap would be a cap on everyone.
 */
@ApplicationScoped
public class SessionQuota {
    private static final long PRUNE_INTERVAL_MILLIS = 1_000;

    @Inject
    InputLimits limits;
    @Inject
    SessionStore store;
    @Inject
    ClusterSignals signals;

    private final Map<String, String> principalById = new HashMap<>();
    private final Map<String, Integer> countByPrincipal = new HashMap<>();
    private long lastPruneMillis;

    @PostConstruct
    void start() {
        signals.subscribe(Signal.Type.SESSION_CLOSED, s -> forget(s.sessionId()));
    }

    /** Counts session {@code id} of {@code principal} (null: anonymous), or throws when it is one too many. */
    synchronized void admit(String id, String principal) {
        check(principal);
        principalById.put(id, principal == null ? "" : principal);
        if (principal != null) {
            countByPrincipal.merge(principal, 1, Integer::sum);
        }
    }

    /** Throws {@link SessionLimitException} when a new session of {@code principal} would be one too many. */
    synchronized void check(String principal) {
        if (principalById.size() >= limits.sessionsPerNode() || overPrincipalLimit(principal)) {
            prune();
        }
        if (principalById.size() >= limits.sessionsPerNode()) {
            throw new SessionLimitException(503, "Server busy: this node holds its limit of "
                    + limits.sessionsPerNode() + " sessions; retry later");
        }
        if (overPrincipalLimit(principal)) {
            throw new SessionLimitException(429, "Too many sessions: at most " + limits.sessionsPerPrincipal()
                    + " per principal on this node; end one (DELETE) or let it expire");
        }
    }

    synchronized void forget(String id) {
        String principal = principalById.remove(id);
        if (principal != null && !principal.isEmpty()) {
            countByPrincipal.computeIfPresent(principal, (p, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** How many sessions created here are counted as live now. */
    public synchronized int count() {
        return principalById.size();
    }

    private boolean overPrincipalLimit(String principal) {
        return principal != null && countByPrincipal.getOrDefault(principal, 0) >= limits.sessionsPerPrincipal();
    }

    /** Forgets the sessions that expired (are gone from the store); throttled, as it reads every id. */
    private void prune() {
        long now = System.currentTimeMillis();
        if (now - lastPruneMillis < PRUNE_INTERVAL_MILLIS) {
            return;
        }
        lastPruneMillis = now;
        List<String> ids = List.copyOf(principalById.keySet());
        Set<String> existing = store.existing(ids);
        ids.stream().filter(id -> !existing.contains(id)).forEach(this::forget);
    }
}
