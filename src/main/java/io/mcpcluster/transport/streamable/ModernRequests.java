package io.mcpcluster.transport.streamable;

import io.mcpcluster.dispatch.StatelessRequests;
import io.mcpcluster.dispatch.Subscriptions;
import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.JsonRpcMessage;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.protocol.McpMethods;
import io.mcpcluster.protocol.ModernMeta;
import io.mcpcluster.protocol.ProtocolVersions;
import io.mcpcluster.session.Ids;
import io.mcpcluster.sse.SseStream;
import io.mcpcluster.sse.StreamOptions;
import io.mcpcluster.transport.Authorization;
import io.mcpcluster.transport.McpHttpServlet;
import io.mcpcluster.transport.HttpReplies;
import io.mcpcluster.transport.McpHeaders;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * POSTs of the stateless 2026-07-28 era on {@code /mcp}. A request chooses it by carrying no
 * {@code Mcp-Session-Id} and naming a 2026 version (header or {@code _meta}); everything else takes the
 * session path. The answer goes straight to the POST's own response: one JSON body when the result
 * comes first, else an event stream of the request's own progress and logs, then its result. Nothing
 * is cached and nothing resumes; closing the response cancels the request. A {@code subscriptions/listen}
 * POST gets a long-lived event stream fed by {@link Subscriptions}.
 */
final class ModernRequests {
    private static final Logger LOG = Logger.getLogger(ModernRequests.class.getName());
    /** A request that runs longer than this loses its response (the tool keeps its own timeouts). */
    private static final long RESPONSE_TIMEOUT_MILLIS = 30 * 60_000L;

    private final StatelessRequests stateless;
    private final Subscriptions subscriptions;
    private final ScheduledExecutorService scheduler;
    private final long gapTimeoutMillis;
    private final long maxQueuedBytes;

    ModernRequests(StatelessRequests stateless, Subscriptions subscriptions, ScheduledExecutorService scheduler,
                   long gapTimeoutMillis, long maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
        this.stateless = stateless;
        this.subscriptions = subscriptions;
        this.scheduler = scheduler;
        this.gapTimeoutMillis = gapTimeoutMillis;
    }

    /** The era rule: no session named, and a 2026 version in the header or 2026 fields in {@code _meta}. */
    static boolean chosenBy(HttpServletRequest req, JsonRpcMessage message) {
        if (req.getHeader(McpHeaders.SESSION_ID) != null) {
            return false;
        }
        String version = req.getHeader(McpHeaders.PROTOCOL_VERSION);
        return ProtocolVersions.isModern(version == null ? null : version.strip())
                || ModernMeta.isPresent(message.params());
    }

    void serve(HttpServletRequest req, HttpServletResponse resp, JsonRpcMessage message) throws IOException {
        JsonValue id = message.id() == null ? JsonValue.NULL : message.id();
        if (message.kind() == JsonRpcMessage.Kind.RESPONSE) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_BAD_REQUEST, id, McpException.invalidRequest(
                    "Invalid Request: a 2026-07-28 client sends no responses (input comes with the retried request)"));
            return;
        }
        ModernMeta meta;
        try {
            meta = ModernHeaders.check(req, message, StatelessRequests.supportedVersions(), stateless::toolInputSchema);
        } catch (McpException e) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_BAD_REQUEST, id, e);
            return;
        }
        if (!message.isRequest()) {
            HttpReplies.accepted(resp); // 2026 defines no client notifications on HTTP; accepted and ignored
            return;
        }
        if (McpMethods.SUBSCRIPTIONS_LISTEN.equals(message.method())) {
            listen(req, message);
            return;
        }
        if (!stateless.serves(message.method())) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_NOT_FOUND, id, new McpException(
                    ErrorCodes.METHOD_NOT_FOUND, "Method not found: " + message.method()));
            return;
        }
        McpException refused = stateless.preflight(message);
        if (refused != null) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_BAD_REQUEST, id, refused);
            return;
        }
        answer(req, message, meta);
    }

    /** Opens the POST's own response (JSON or events, decided by the first message) and runs the request. */
    private void answer(HttpServletRequest req, JsonRpcMessage request, ModernMeta meta) throws IOException {
        AtomicReference<Runnable> cancel = new AtomicReference<>();
        AtomicBoolean clientGone = new AtomicBoolean();
        Response response = open(req, RESPONSE_TIMEOUT_MILLIS, closed -> {
            if (!closed.isFinished()) {
                LOG.info(() -> "The client closed the response of " + StatelessRequests.describe(request, meta)
                        + " before its answer: request cancelled");
                clientGone.set(true);
                runIfSet(cancel.get());
            }
        });
        cancel.set(stateless.execute(request, meta, McpHttpServlet.principal(req), Authorization.grantedScopes(req),
                response::send));
        if (clientGone.get()) {
            runIfSet(cancel.get()); // the client left before the request was handed over
        }
    }

    /**
     * A {@code subscriptions/listen} stream: acknowledged, then fed change notifications until the client
     * closes it or the node stops (which sends the final response). No timeout: keep-alives hold it open.
     */
    private void listen(HttpServletRequest req, JsonRpcMessage request) throws IOException {
        AtomicReference<Runnable> unregister = new AtomicReference<>();
        AtomicBoolean closed = new AtomicBoolean();
        Response response = open(req, 0, stream -> {
            closed.set(true);
            runIfSet(unregister.get());
        });
        try {
            unregister.set(subscriptions.open(request, response));
        } catch (McpException e) {
            response.send(JsonRpc.error(request.id(), e));
            return;
        }
        if (closed.get()) {
            runIfSet(unregister.get()); // the client left before the stream was registered
        }
    }

    /** Starts the async response of a 2026 POST; {@code onClose} runs once when it ends. */
    private Response open(HttpServletRequest req, long timeoutMillis, Consumer<SseStream> onClose) throws IOException {
        AsyncContext async = req.startAsync();
        async.setTimeout(timeoutMillis);
        SseStream stream = new SseStream(Ids.random(), null, async,
                new StreamOptions(1, 1, false, true, null, gapTimeoutMillis), maxQueuedBytes,
                null, // every event is handed over in memory, in no log: a gap only means it is on its way
                onClose, scheduler);
        stream.start();
        return new Response(stream, (HttpServletResponse) async.getResponse(), new AtomicLong(1));
    }

    /**
     * The POST's own response: messages numbered in the order they are handed over (the stream writes them
     * in that order); the first one decides between one JSON body and an event stream.
     */
    private record Response(SseStream stream, HttpServletResponse http, AtomicLong seq) implements Subscriptions.Sink {
        @Override
        public void send(JsonObject m) {
            long n = seq.getAndIncrement();
            if (n == 1 && refusedForCapability(m)) {
                http.setStatus(HttpServletResponse.SC_BAD_REQUEST); // -32021 is a 400 when it comes first
            }
            stream.deliver(n, JsonRpc.write(m), !m.containsKey("method"));
        }

        @Override
        public void keepAlive() {
            stream.keepAlive();
        }
    }

    private static boolean refusedForCapability(JsonObject message) {
        JsonValue error = message.get("error");
        return error != null && error.getValueType() == JsonValue.ValueType.OBJECT
                && error.asJsonObject().getInt("code", 0) == ErrorCodes.MISSING_CLIENT_CAPABILITY;
    }

    private static void runIfSet(Runnable cancel) {
        if (cancel != null) {
            cancel.run();
        }
    }
}
