package io.mcpcluster.node;

import io.mcpcluster.config.ExecutionLimits;
import io.mcpcluster.config.McpConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads one node owns: the {@link FairRequestPool} that runs client requests, the bounded worker
 * pool that runs everything handed off by listeners and close callbacks (never a container or JGroups
 * thread; a slow tool cannot delay it), and one scheduler for keep-alives, gap checks and timeouts.
 */
@ApplicationScoped
public class NodeExecutors {
    private ThreadPoolExecutor workers;
    private ScheduledExecutorService scheduler;
    private FairRequestPool requests;

    @Inject
    McpConfig config;
    @Inject
    ExecutionLimits limits;

    @PostConstruct
    void start() {
        workers = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(10_000), named("mcp-worker"));
        workers.allowCoreThreadTimeOut(true);
        scheduler = Executors.newSingleThreadScheduledExecutor(named("mcp-scheduler"));
        requests = new FairRequestPool(limits.requestThreads(), limits.requestQueue(), limits.sessionConcurrentCalls(),
                named("mcp-request"));
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        requests.stop();
        workers.shutdownNow();
    }

    public ExecutorService workers() {
        return workers;
    }

    public FairRequestPool requests() {
        return requests;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
