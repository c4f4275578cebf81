package io.mcpcluster.stream;

import io.mcpcluster.config.McpConfig;
import io.mcpcluster.sse.LocalStream;
import io.mcpcluster.sse.LocalStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.logging.Logger;

/**
 * A draining node gives its streams away: each connection gets a {@code retry:} hint and ends, and its
 * stream record is detached at once (not on a worker, as when a client goes), so that when this node
 * leaves, no record still names it as the holder. The clients reconnect through the balancer: a
 * Streamable client resumes with {@code Last-Event-ID} on another node, a legacy client opens
 * {@code /sse} again (the TypeScript SDK's reconnect is relinked to its session, {@link LegacyReconnects}).
 */
@ApplicationScoped
public class StreamHandoff {
    private static final Logger LOG = Logger.getLogger(StreamHandoff.class.getName());

    @Inject
    McpConfig config;
    @Inject
    LocalStreams localStreams;
    @Inject
    StreamRegistry registry;

    /** The streams held here now, each closed with a retry hint; waits at most {@code boundMillis} for them. */
    public int handOffAll(long boundMillis) {
        List<LocalStream> held = List.copyOf(localStreams.all());
        held.forEach(s -> s.closeForPolling(config.sseRetryMillis()));
        long deadline = System.currentTimeMillis() + boundMillis;
        while (held.stream().anyMatch(this::stillOpen) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // A client that did not read its last frames in time, or a plain JSON answer still unwritten.
        List<LocalStream> stuck = held.stream().filter(this::stillOpen).toList();
        stuck.forEach(LocalStream::close);
        held.forEach(s -> registry.detach(s.streamId(), s.flushedSeq()));
        if (!held.isEmpty()) {
            LOG.info(() -> "Handed off " + held.size() + " stream(s) with a retry hint; " + stuck.size()
                    + " closed without it");
        }
        return held.size();
    }

    private boolean stillOpen(LocalStream s) {
        return localStreams.lookup(s.streamId()) == s;
    }
}
