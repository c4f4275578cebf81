package io.mcpcluster.console;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@link Activity} counted at the HTTP layer: every request to an MCP endpoint, and as errors the
 * answers with a status of 400 or more; the recent errors are the node's refusals and warnings
 * ({@link RecentErrors}). JSON-RPC errors inside a 200 answer are not counted here.
 */
@ApplicationScoped
public class HttpActivity implements Activity {
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final RecentErrors recent = new RecentErrors();

    @PostConstruct
    void start() {
        recent.listenToLogs();
    }

    @PreDestroy
    void stop() {
        recent.stopListening();
    }

    /** Counts one answered request (its refusal, if it was one, is in the log, where {@link RecentErrors} reads it). */
    public void answered(int status) {
        requests.increment();
        if (status >= 400) {
            errors.increment();
        }
    }

    @Override
    public long requests() {
        return requests.sum();
    }

    @Override
    public long errors() {
        return errors.sum();
    }

    @Override
    public List<NodeSnapshot.RecentError> recentErrors(int max) {
        return recent.newest(max);
    }
}
