package io.mcpcluster.console;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@link Activity} counted at the HTTP layer: every request to an MCP endpoint, and as errors the
 * answers with a status of 400 or more (each also a recent error: method, path and status), plus the
 * product's warnings from its log. JSON-RPC errors inside a 200 answer are not counted here.
 */
@ApplicationScoped
public class HttpActivity implements Activity {
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");

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

    /** Counts one answered request; {@code path} is the servlet mapping, never client text. */
    public void answered(String method, String path, int status) {
        requests.increment();
        if (status >= 400) {
            errors.increment();
            String shown = KNOWN_METHODS.contains(method) ? method : "(unknown method)"; // a client's token otherwise
            recent.add(System.currentTimeMillis(), shown + " " + path + " answered " + status);
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
