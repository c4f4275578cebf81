package io.mcpcluster.stream;

import io.mcpcluster.cluster.Membership;
import io.mcpcluster.config.McpConfig;
import io.mcpcluster.node.NodeExecutors;
import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.session.InboundRequests;
import io.mcpcluster.session.SessionStore;
import io.mcpcluster.sse.LocalStream;
import io.mcpcluster.sse.LocalStreams;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import static java.util.stream.Collectors.toSet;

/**
 * What keeps streams healthy over time, started with the application: keep-alive comments on every
 * open connection of this node, the idle clock of sessions with an open stream, and answers for the
 * requests that a departed node was executing (its result is lost with the node, and the client should
 * learn that now rather than at its own timeout).
 */
@ApplicationScoped
public class StreamUpkeep {
    private static final Logger LOG = Logger.getLogger(StreamUpkeep.class.getName());
    /** A writer that dies loses at most what it numbered in its last moments; older gaps are retention's. */
    private static final long LOST_ANSWER_WINDOW_MILLIS = 30_000;

    @Inject
    McpConfig config;
    @Inject
    LocalStreams localStreams;
    @Inject
    SessionStore sessions;
    @Inject
    StreamRegistry registry;
    @Inject
    EventLog log;
    @Inject
    Membership membership;
    @Inject
    NodeExecutors executors;
    @Inject
    InboundRequests begun;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        var scheduler = executors.scheduler();
        scheduler.scheduleWithFixedDelay(this::keepAlive, config.keepAliveMillis(), config.keepAliveMillis(),
                TimeUnit.MILLISECONDS);
        // An open stream keeps its session alive: idle expiry counts from the last request otherwise.
        long period = Math.max(100, Math.min(config.keepAliveMillis(), config.sessionIdleSeconds() * 1000 / 3));
        scheduler.scheduleWithFixedDelay(() -> executors.workers().execute(this::touchSessionsWithOpenStreams),
                period, period, TimeUnit.MILLISECONDS);
        membership.onDeparture(this::answerForDeparted);
    }

    @PreDestroy
    void stop() {
        localStreams.all().forEach(LocalStream::close);
    }

    private void keepAlive() {
        for (LocalStream stream : localStreams.all()) {
            try {
                stream.keepAlive();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Keep-alive failed", e);
            }
        }
    }

    private void touchSessionsWithOpenStreams() {
        localStreams.all().stream().map(LocalStream::sessionId).distinct().forEach(sessions::touch);
    }

    /**
     * Answers, with an error, every request that one of {@code departed} was executing, and every
     * response one of them had numbered but not stored when it died. Runs on one node.
     */
    void answerForDeparted(Set<String> departed) {
        for (StreamRecord r : registry.owingResponsesFrom(departed)) {
            r.unanswered().forEach((requestId, node) -> {
                if (departed.contains(node) && takenByNobodyAlive(r.sessionId(), requestId, node, departed)) {
                    answerLost(r, requestId, node);
                }
            });
            // Numbered by a departed writer just before it died, never delivered, and not in the log: lost.
            long recently = System.currentTimeMillis() - LOST_ANSWER_WINDOW_MILLIS;
            var suspects = r.recentAnswers().entrySet().stream().filter(e -> departed.contains(e.getValue().writer())
                    && e.getValue().atMillis() > recently && e.getKey() > r.delivered()).toList();
            if (!suspects.isEmpty()) {
                long from = suspects.stream().mapToLong(java.util.Map.Entry::getKey).min().orElseThrow();
                Set<Long> stored = log.eventsAfter(r.id(), from - 1).stream().map(Event::seq).collect(toSet());
                suspects.stream().filter(e -> !stored.contains(e.getKey()))
                        .forEach(e -> answerLost(r, e.getValue().requestId(), e.getValue().writer()));
            }
        }
    }

    /**
     * A request the departed node accepted may have begun there, or nowhere yet: its POST may still be
     * retried by the balancer on a live node. Marking it lost in the cluster's record of begun requests
     * settles it: either it began on a live node (which answers it), or it never runs anywhere and the
     * error below is its only answer (a retry that comes later is told the same).
     */
    private boolean takenByNobodyAlive(String sessionId, String requestId, String node, Set<String> departed) {
        String first = begun.begin(sessionId, requestId, InboundRequests.LOST_WITH + node);
        return first == null || departed.contains(first) || first.startsWith(InboundRequests.LOST_WITH);
    }

    private void answerLost(StreamRecord r, String requestId, String node) {
        LOG.info(() -> "Request " + requestId + " of session " + r.sessionId() + " died with node " + node);
        log.send(r.id(), JsonRpc.error(JsonRpc.parse(requestId), ErrorCodes.INTERNAL_ERROR,
                "The node executing this request left the cluster; the request may be retried", null));
    }
}
