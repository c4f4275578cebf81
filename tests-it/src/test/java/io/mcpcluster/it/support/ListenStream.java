package io.mcpcluster.it.support;

import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A 2026-07-28 {@code subscriptions/listen} stream opened over a raw socket on one node's own port.
 */
public final class ListenStream implements AutoCloseable {
    public static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

    private final EventStream events;

    private ListenStream(EventStream events) {
        this.events = events;
    }

    /** The raw body of a subscriptions/listen request with id {@code idJson} and filter {@code notificationsJson}. */
    public static String body(String idJson, String notificationsJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"method\":\"subscriptions/listen\",\"params\":{"
                + ModernHttp.META + (notificationsJson == null ? "" : ",\"notifications\":" + notificationsJson) + "}}";
    }

    /** Opens a listen stream on {@code port}; answered 200 as an event stream. */
    public static ListenStream open(int port, String idJson, String notificationsJson) {
        EventStream events = RawHttp.open(port, "POST", "/mcp", ModernHttp.headers("subscriptions/listen", null),
                body(idJson, notificationsJson));
        assertEquals(200, events.status());
        assertEquals("text/event-stream", events.header("Content-Type").split(";")[0], "a listen answer is a stream");
        return new ListenStream(events);
    }

    /** The next message on the stream (keep-alive comments skipped), or null when none came in time. */
    public JsonObject next(long timeoutMillis) {
        String data = events.nextData(timeoutMillis);
        return data == null ? null : McpHttpSession.parse(data);
    }

    /** The next {@code count} messages, failing when they do not all come within {@code timeoutMillis}. */
    public List<JsonObject> next(int count, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<JsonObject> messages = new ArrayList<>();
        while (messages.size() < count) {
            JsonObject m = next(Math.max(1, deadline - System.currentTimeMillis()));
            assertNotNull(m, "only " + messages.size() + " of " + count + " messages in " + timeoutMillis + " ms: "
                    + messages);
            messages.add(m);
        }
        return messages;
    }

    /** The messages that come within the next {@code windowMillis} (keep-alive comments skipped). */
    public List<JsonObject> within(long windowMillis) {
        long deadline = System.currentTimeMillis() + windowMillis;
        List<JsonObject> messages = new ArrayList<>();
        for (JsonObject m = next(windowMillis); m != null; m = next(deadline - System.currentTimeMillis())) {
            messages.add(m);
        }
        return messages;
    }

    /** The next raw frame (a comment included), or null. */
    public String nextFrame(long timeoutMillis) {
        return events.nextFrame(timeoutMillis);
    }

    /** True when the server ends the response within the timeout. */
    public boolean awaitEnd(long timeoutMillis) {
        return events.awaitEnd(timeoutMillis);
    }

    /** The subscription id a message of this stream is tagged with. */
    public static String subscriptionIdOf(JsonObject message) {
        JsonObject holder = message.containsKey("result") ? message.getJsonObject("result")
                : message.getJsonObject("params");
        assertNotNull(holder, message.toString());
        JsonObject meta = holder.getJsonObject("_meta");
        assertNotNull(meta, "every message of a listen stream carries _meta: " + message);
        assertNotNull(meta.get(SUBSCRIPTION_ID), "tagged with the subscription id: " + message);
        return meta.get(SUBSCRIPTION_ID).toString();
    }

    @Override
    public void close() {
        events.close();
    }
}
