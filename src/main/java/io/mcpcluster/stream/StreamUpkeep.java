package io.mcpcluster.stream;

import io.mcpcluster.cluster.Membership;
import io.mcpcluster.config.McpConfig;
import io.mcpcluster.node.NodeExecutors;
import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpc;
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
                if (departed.contains(node)) {
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

    private void answerLost(StreamRecord r, String requestId, String node) {
        LOG.info(() -> "Request " + requestId + " of session " + r.sessionId() + " died with node " + node);
        log.send(r.id(), JsonRpc.error(JsonRpc.parse(requestId), ErrorCodes.INTERNAL_ERROR,
                "The node executing this request left the cluster; the request may be retried", null));
    }
}
