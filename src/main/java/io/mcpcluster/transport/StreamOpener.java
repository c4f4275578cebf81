package io.mcpcluster.transport;

import io.mcpcluster.server.McpServer;
import io.mcpcluster.session.MessageRouter;
import io.mcpcluster.sse.SseStream;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/**
 * Turns a request into an open {@link SseStream} registered in this node's local streams. When the
 * connection ends, a finished request stream is removed from the cluster; any other stream is only
 * detached, so that the client can resume it on any node. That bookkeeping runs on a worker thread,
 * since a stream can close on a JGroups or container thread.
 */
public final class StreamOpener {
    private StreamOpener() {
    }

    /** @param timeoutMillis async timeout of the connection; 0 for none (keep-alives detect dead clients) */
    public static SseStream open(McpServer server, HttpServletRequest req, String streamId, String sessionId,
                                 SseStream.Options options, long timeoutMillis) throws IOException {
        MessageRouter router = server.router();
        AsyncContext async = req.startAsync();
        async.setTimeout(timeoutMillis);
        SseStream[] self = new SseStream[1];
        SseStream stream = new SseStream(streamId, sessionId, async, options,
                () -> server.node().workers().execute(() -> refill(router, self[0])),
                s -> {
                    server.node().localStreams().remove(s);
                    server.node().workers().execute(() -> {
                        if (s.isFinished()) {
                            router.closeStream(streamId);
                        } else {
                            router.detach(streamId);
                        }
                    });
                }, server.node().scheduler());
        self[0] = stream;
        server.node().localStreams().register(stream);
        stream.start();
        return stream;
    }

    /** Delivers from the log what the stream has not written yet (duplicates are dropped by the stream). */
    public static long refill(MessageRouter router, SseStream stream) {
        long last = stream.lastWrittenSeq();
        for (MessageRouter.Event e : router.eventsAfter(stream.streamId(), last)) {
            stream.deliver(e.seq(), e.json(), e.response());
            last = Math.max(last, e.seq());
        }
        return last;
    }
}
