package io.mcpcluster.stream;

import io.mcpcluster.node.NodeExecutors;
import io.mcpcluster.sse.LocalStreams;
import io.mcpcluster.sse.SseStream;
import io.mcpcluster.sse.StreamOptions;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Turns a request into an open {@link SseStream} registered in this node's local streams. When the
 * connection ends, the stream is only detached, finished or not: its events stay resumable on any node
 * for the retention window, since a socket that took the last write may never have delivered it. That
 * bookkeeping runs on a worker thread, since a connection can end on a JGroups or container thread.
 */
final class StreamConnections {
    private final StreamRegistry registry;
    private final EventLog log;
    private final LocalStreams localStreams;
    private final NodeExecutors executors;
    private final long maxQueuedBytes;

    StreamConnections(StreamRegistry registry, EventLog log, LocalStreams localStreams, NodeExecutors executors,
                      long maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
        this.registry = registry;
        this.log = log;
        this.localStreams = localStreams;
        this.executors = executors;
    }

    /** @param timeoutMillis async timeout of the connection; 0 for none (keep-alives detect dead clients) */
    SseStream open(HttpServletRequest req, String streamId, String sessionId, StreamOptions options,
                   long timeoutMillis) throws IOException {
        AsyncContext async = req.startAsync();
        async.setTimeout(timeoutMillis);
        return open(async, streamId, sessionId, options);
    }

    /** Opens the stream on a connection that is async already (and has no write listener yet). */
    SseStream open(AsyncContext async, String streamId, String sessionId, StreamOptions options) throws IOException {
        SseStream[] self = new SseStream[1];
        SseStream stream = new SseStream(streamId, sessionId, async, options, maxQueuedBytes,
                () -> executors.workers().execute(() -> refill(self[0])),
                this::onClosed, executors.scheduler());
        self[0] = stream;
        localStreams.register(stream);
        stream.start();
        return stream;
    }

    private void onClosed(SseStream s) {
        localStreams.remove(s);
        try {
            executors.workers().execute(() -> registry.detach(s.streamId(), s.flushedSeq()));
        } catch (RejectedExecutionException shuttingDown) {
            // The node is stopping: its departure from the view frees its streams for other nodes.
        }
    }

    /** The stream is over: its record and its events go. */
    void remove(String streamId) {
        StreamRecord removed = registry.remove(streamId);
        if (removed != null) {
            log.acknowledge(streamId, removed.nextSeq() - 1);
        }
    }

    /** Delivers from the log what the stream has not written yet (the stream drops duplicates). */
    void refill(SseStream stream) {
        for (Event e : log.eventsAfter(stream.streamId(), stream.lastWrittenSeq())) {
            stream.deliver(e.seq(), e.json(), e.response());
        }
    }
}
