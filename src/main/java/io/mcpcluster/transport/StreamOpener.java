package io.mcpcluster.transport;

import io.mcpcluster.server.McpServer;
import io.mcpcluster.sse.SseStream;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/**
 * Turns a request into an open {@link SseStream} registered in this node's local streams. The close
 * callback runs on a worker thread, since it may touch the cache and a stream can close on a JGroups
 * or container thread.
 */
public final class StreamOpener {
    private StreamOpener() {
    }

    /**
     * @param timeoutMillis async timeout of the connection; 0 for none (keep-alives detect dead clients)
     * @param afterClose    cluster bookkeeping when the connection ends
     */
    public static SseStream open(McpServer server, HttpServletRequest req, String streamId, String sessionId,
                                 long firstSeq, int responsesOwed, boolean jsonAllowed, long timeoutMillis,
                                 Runnable afterClose) throws IOException {
        AsyncContext async = req.startAsync();
        async.setTimeout(timeoutMillis);
        SseStream stream = new SseStream(streamId, sessionId, async, firstSeq, responsesOwed, jsonAllowed,
                server.config().gapTimeoutMillis(), s -> {
                    server.node().localStreams().remove(s);
                    server.node().workers().execute(afterClose);
                });
        server.node().localStreams().register(stream);
        stream.start();
        return stream;
    }
}
