package io.mcpcluster.dispatch;

import io.mcpcluster.cluster.ClusterSignals;
import io.mcpcluster.cluster.Signal;
import io.mcpcluster.config.McpConfig;
import io.mcpcluster.node.NodeExecutors;
import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.JsonRpcMessage;
import io.mcpcluster.protocol.Jsons;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.protocol.McpMethods;
import io.mcpcluster.protocol.ModernMeta;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The 2026-07-28 {@code subscriptions/listen} streams this node holds, in memory only: no cache entry
 * and no event log per stream (the era has no resumption). A list change or resource update made on any
 * node is one {@link Signal.Type#LISTEN_NOTIFICATION} signal to every node ({@link #publish}); each node
 * writes it, tagged with the subscription id, to those of its own streams whose filter asks for it.
 * Streams get the node's keep-alive comments, and end gracefully (the listen request's
 * {@code resultType: complete} response) when the node stops.
 */
@ApplicationScoped
public class Subscriptions {
    private static final Logger LOG = Logger.getLogger(Subscriptions.class.getName());
    /** How long a stopping node waits for its listen streams to write their final response. */
    private static final long END_WAIT_MILLIS = 3_000;

    /** Where one listen stream writes: the POST's own event stream. Never blocks. */
    public interface Sink {
        /** Writes {@code message}; a JSON-RPC response ends the stream once written. */
        void send(JsonObject message);

        /** Writes an SSE comment so that proxies and clients keep the quiet stream open. */
        void keepAlive();
    }

    private record Listener(JsonValue id, ListenFilter filter, Sink sink, AtomicBoolean ended) {
    }

    @Inject
    McpConfig config;
    @Inject
    ClusterSignals signals;
    @Inject
    NodeExecutors executors;

    /** Keyed by registration number: request ids repeat across clients. */
    private final Map<Long, Listener> open = new ConcurrentHashMap<>();
    private final AtomicLong registrations = new AtomicLong();
    private volatile boolean ending;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        signals.subscribe(Signal.Type.LISTEN_NOTIFICATION, s -> deliver(s.payload().asJsonObject()));
        long period = config.keepAliveMillis();
        executors.scheduler().scheduleWithFixedDelay(this::keepAlive, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the stream of {@code request}: the acknowledgement (the agreed filter, tagged) is written
     * first, then the stream is registered. Returns what unregisters it (run it when the stream closes).
     * A malformed filter is -32602, and a stopping node refuses new streams, before anything is written.
     */
    public Runnable open(JsonRpcMessage request, Sink sink) {
        ListenFilter filter = ListenFilter.of(request.params());
        if (ending) {
            throw new McpException(ErrorCodes.INTERNAL_ERROR, "This node is stopping: listen on another node");
        }
        sink.send(tag(JsonRpc.notification(McpMethods.NOTIFY_SUBSCRIPTIONS_ACKNOWLEDGED,
                Jsons.createObjectBuilder().add("notifications", filter.toJson()).build()), request.id()));
        long key = registrations.incrementAndGet();
        open.put(key, new Listener(request.id(), filter, sink, new AtomicBoolean()));
        return () -> open.remove(key);
    }

    /** Sends {@code notification} (a list change or resource update made here) to the listen streams of every node. */
    public void publish(JsonObject notification) {
        signals.broadcast(new Signal(Signal.Type.LISTEN_NOTIFICATION, null, notification));
    }

    /** How many listen streams this node holds. */
    public int openCount() {
        return open.size();
    }

    private void deliver(JsonObject notification) {
        for (Listener l : open.values()) {
            if (l.filter().wants(notification) && !l.ended().get()) {
                l.sink().send(tag(notification, l.id()));
            }
        }
    }

    private void keepAlive() {
        for (Listener l : open.values()) {
            try {
                l.sink().keepAlive();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Listen keep-alive failed", e);
            }
        }
    }

    /**
     * Ends every listen stream of this node with the listen request's final response, then waits (at
     * most {@value #END_WAIT_MILLIS} ms) until each is written and closed. Idempotent; new streams are
     * refused from now on. Called before the container closes its connections.
     */
    public void endAll() {
        ending = true;
        int ended = 0;
        for (Listener l : open.values()) {
            if (l.ended().compareAndSet(false, true)) {
                l.sink().send(JsonRpc.result(l.id(), Jsons.createObjectBuilder().add("resultType", "complete")
                        .add("_meta", Jsons.createObjectBuilder().add(ModernMeta.SUBSCRIPTION_ID, l.id())).build()));
                ended++;
            }
        }
        long deadline = System.currentTimeMillis() + END_WAIT_MILLIS;
        while (!open.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (ended > 0) {
            int count = ended;
            LOG.info(() -> "Ended " + count + " subscriptions/listen stream(s) gracefully; " + open.size()
                    + " not closed in time");
        }
    }

    @PreDestroy
    void stop() {
        endAll();
    }

    /** {@code notification} with {@code _meta.subscriptionId} set to the listen request's id. */
    static JsonObject tag(JsonObject notification, JsonValue id) {
        JsonObject params = notification.getJsonObject("params");
        JsonObject meta = params == null ? null : params.getJsonObject("_meta");
        JsonObject tagged = Jsons.createObjectBuilder(params == null ? JsonValue.EMPTY_JSON_OBJECT : params)
                .add("_meta", Jsons.createObjectBuilder(meta == null ? JsonValue.EMPTY_JSON_OBJECT : meta)
                        .add(ModernMeta.SUBSCRIPTION_ID, id))
                .build();
        return JsonRpc.notification(notification.getString("method"), tagged);
    }
}
