package io.mcpcluster.console;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console pages this node feeds, in memory only: each is one open event stream, pushed the cluster
 * view on every tick of {@link ConsoleFeed}. No thread per viewer, nothing in the caches.
 */
final class ConsoleViewers {
    private static final Logger LOG = Logger.getLogger(ConsoleViewers.class.getName());

    private final int max;
    /** Keyed by registration number, so that one page's stream unregisters only itself. */
    private final Map<Long, ConsoleFeed.Viewer> open = new ConcurrentHashMap<>();
    private final AtomicLong registrations = new AtomicLong();

    ConsoleViewers(int max) {
        this.max = max;
    }

    /** Registers {@code viewer}; returns what unregisters it, or null when this node feeds its limit already. */
    synchronized Runnable add(ConsoleFeed.Viewer viewer) {
        if (open.size() >= max) {
            return null;
        }
        long key = registrations.incrementAndGet();
        open.put(key, viewer);
        return () -> open.remove(key);
    }

    int count() {
        return open.size();
    }

    /** Hands {@code json} to every viewer; their writes never block. */
    void push(String json) {
        for (ConsoleFeed.Viewer v : open.values()) {
            try {
                v.send(json);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Console push failed", e);
            }
        }
    }

    void closeAll() {
        open.values().forEach(ConsoleFeed.Viewer::close);
        open.clear();
    }
}
