package io.mcpcluster.console;

import io.mcpcluster.dispatch.Subscriptions;
import io.mcpcluster.node.FairRequestPool;
import io.mcpcluster.session.SessionQuota;
import io.mcpcluster.sse.LocalStreams;

import java.util.function.LongSupplier;

/**
 * This node's own figures, read from where each lives (all in memory, no cache operation), with its
 * request and error rates since the previous reading. Called by one thread at a time (the feed's tick).
 */
final class LocalFigures {
    private static final int ERRORS_PUBLISHED = 5;

    private final String node;
    private final SessionQuota sessions;
    private final LocalStreams streams;
    private final Subscriptions subscriptions;
    private final FairRequestPool requests;
    private final Activity activity;
    private final LongSupplier tasks;
    private long lastAt;
    private long lastRequests;
    private long lastErrors;

    /** {@code tasks} gives the tasks executing here, or -1 where none are counted. */
    LocalFigures(String node, SessionQuota sessions, LocalStreams streams, Subscriptions subscriptions,
                 FairRequestPool requests, Activity activity, LongSupplier tasks) {
        this.node = node;
        this.sessions = sessions;
        this.streams = streams;
        this.subscriptions = subscriptions;
        this.requests = requests;
        this.activity = activity;
        this.tasks = tasks;
    }

    NodeSnapshot read(long now) {
        long requestCount = activity.requests();
        long errorCount = activity.errors();
        double seconds = lastAt == 0 ? 0 : (now - lastAt) / 1000.0;
        double requestRate = seconds <= 0 ? 0 : (requestCount - lastRequests) / seconds;
        double errorRate = seconds <= 0 ? 0 : (errorCount - lastErrors) / seconds;
        lastAt = now;
        lastRequests = requestCount;
        lastErrors = errorCount;
        return new NodeSnapshot(node, now, sessions.count(), streams.all().size(), subscriptions.openCount(),
                tasks.getAsLong(), requests.running(), requests.waiting(), requestRate, errorRate,
                activity.recentErrors(ERRORS_PUBLISHED));
    }
}
