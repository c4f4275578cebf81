package io.mcpcluster.server;

import io.mcpcluster.session.LocalStreams;
import io.mcpcluster.session.Signal;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What one node owns and nobody else: its open streams, the bounded worker pool that runs requests
 * (never a container or JGroups thread), one scheduler for keep-alives and timeouts, and the handlers
 * of signals from other nodes.
 */
@ApplicationScoped
public class NodeServices {
    private static final Logger LOG = Logger.getLogger(NodeServices.class.getName());

    private final LocalStreams localStreams = new LocalStreams();
    private final List<Consumer<Signal>> signalHandlers = new CopyOnWriteArrayList<>();
    private ThreadPoolExecutor workers;
    private ScheduledExecutorService scheduler;

    @Inject
    McpConfig config;

    @jakarta.annotation.PostConstruct
    void start() {
        workers = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(10_000), named("mcp-worker"));
        workers.allowCoreThreadTimeOut(true);
        scheduler = Executors.newSingleThreadScheduledExecutor(named("mcp-scheduler"));
        scheduler.scheduleWithFixedDelay(this::keepStreamsAlive, config.keepAliveMillis(), config.keepAliveMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        localStreams.all().forEach(s -> s.close());
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    public LocalStreams localStreams() {
        return localStreams;
    }

    public ExecutorService workers() {
        return workers;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public void onSignal(Consumer<Signal> handler) {
        signalHandlers.add(handler);
    }

    /** Called on listener threads: hands the signal to the workers and returns. */
    public void dispatchSignal(Signal signal) {
        workers.execute(() -> {
            for (Consumer<Signal> handler : signalHandlers) {
                try {
                    handler.accept(signal);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Signal " + signal.type() + " failed", e);
                }
            }
        });
    }

    private void keepStreamsAlive() {
        for (var stream : localStreams.all()) {
            try {
                stream.keepAlive();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Keep-alive failed", e);
            }
        }
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
