package io.mcpcluster.transport.console;

import io.mcpcluster.config.ExecutionLimits;
import io.mcpcluster.config.McpConfig;
import io.mcpcluster.console.ConsoleFeed;
import io.mcpcluster.node.NodeExecutors;
import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.session.Ids;
import io.mcpcluster.sse.SseStream;
import io.mcpcluster.sse.StreamOptions;
import io.mcpcluster.transport.HttpReplies;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonValue;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /cluster-console/api/events}: the console page's live feed, an event stream of JSON events
 * ({@code data:} lines): first {@code {"type":"history",…}} (every node's points over the last minutes),
 * then {@code {"type":"view",…}} on every tick of {@link ConsoleFeed}. The stream is an {@link SseStream}
 * like every other of this node: non-blocking writes, no thread per page, dropped when the page does not
 * read. A browser's {@code EventSource} cannot send the token header, so the page reads it with
 * {@code fetch}.
 */
public class ConsoleEventsServlet extends HttpServlet {
    private transient OperatorAccess access;
    private transient ConsoleFeed feed;
    private transient ScheduledExecutorService scheduler;
    private transient long gapTimeoutMillis;
    private transient long maxQueuedBytes;

    @Override
    public void init() {
        access = OperatorAccess.fromSettings();
        feed = CDI.current().select(ConsoleFeed.class).get();
        scheduler = CDI.current().select(NodeExecutors.class).get().scheduler();
        gapTimeoutMillis = CDI.current().select(McpConfig.class).get().gapTimeoutMillis();
        maxQueuedBytes = CDI.current().select(ExecutionLimits.class).get().streamQueueBytes();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!feed.enabled()) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_NOT_FOUND, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                    "Not Found: the console is off (set mcp.health.token, or mcp.auth.mode)");
            return;
        }
        if (!access.allows(req, resp)) {
            return;
        }
        if (feed.full()) {
            resp.setHeader("Retry-After", "10");
            HttpReplies.error(req, resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, JsonValue.NULL,
                    ErrorCodes.SERVER_ERROR, "Service Unavailable: this node feeds its limit of console pages "
                            + "(mcp.console.viewers)");
            return;
        }
        AsyncContext async = req.startAsync();
        async.setTimeout(0); // the ticks keep it busy; it ends when the page goes or the node stops
        AtomicReference<Runnable> unregister = new AtomicReference<>();
        SseStream stream = new SseStream(Ids.random(), "console", async, StreamOptions.endless(1, gapTimeoutMillis),
                maxQueuedBytes, null, closed -> {
                    Runnable r = unregister.getAndSet(() -> { });
                    if (r != null) {
                        r.run();
                    }
                }, scheduler);
        stream.start();
        AtomicLong seq = new AtomicLong(1);
        Runnable registered = feed.watch(new ConsoleFeed.Viewer() {
            @Override
            public void send(String json) {
                stream.deliver(seq.getAndIncrement(), json, false);
            }

            @Override
            public void close() {
                stream.close();
            }
        });
        if (registered == null) {
            stream.close(); // another page took the last place meanwhile: the page tries again
        } else if (!unregister.compareAndSet(null, registered)) {
            registered.run(); // the page left before it was registered
        }
    }
}
