package io.mcpcluster.it.console;

import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's protection and its data, raw HTTP against one node (a limit of two pages): the page
 * itself is served to anyone under a strict policy; its feed and lookups need the health token in the
 * header (not in the URL), this server's Host and the page's own origin; bad input is a 4xx JSON-RPC
 * error; the feed starts with the node's history and then pushes its view; a looked-up session names
 * the node holding its stream; one page more than the limit is 503; a node with no token configured
 * serves no console at all. A bystander session is served after every refusal.
 */
class ConsoleAccessIT {
    private static final Map<String, String> TOKEN = NodeProcess.HEALTH_DETAILS;
    static NodeProcess node;
    static McpHttpSession bystander;

    @BeforeAll
    static void start() {
        node = NodeProcess.start("console-access", Map.of("mcp.console.viewers", "2", "mcp.console.period.millis", "500",
                "mcp.infinispan.statistics", "true"));
        bystander = McpHttpSession.initialize(node.port(), "2025-06-18");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Map<String, String> with(Map<String, String> a, String k, String v) {
        Map<String, String> m = new HashMap<>(a);
        m.put(k, v);
        return m;
    }

    private static RawHttp.Response lookup(Map<String, String> headers, String body) {
        return RawHttp.send(node.port(), "POST", "/cluster-console/api/lookup", with(headers, "Content-Type", "application/json"), body);
    }

    private static void assertRefused(int status, RawHttp.Response r) {
        assertEquals(status, r.status(), r.body());
        JsonObject error = McpHttpSession.parse(r.body()).getJsonObject("error");
        assertEquals(-32000, error.getInt("code"), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("io.mcpcluster"), r.body());
        assertTrue(bystander.answersPing(), "the node serves everyone else");
    }

    @Test
    void thePageIsServedToAnyoneUnderAStrictPolicyAndHoldsNoData() {
        assertEquals("/cluster-console/", RawHttp.send(node.port(), "GET", "/cluster-console", Map.of(), null).header("Location"));
        RawHttp.Response page = RawHttp.send(node.port(), "GET", "/cluster-console/", Map.of(), null);
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertTrue(page.header("Content-Security-Policy").contains("default-src 'none'"));
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertFalse(page.body().contains(NodeProcess.HEALTH_TOKEN));
        assertEquals(200, RawHttp.send(node.port(), "GET", "/cluster-console/console.js", Map.of(), null).status());
        assertRefused(404, RawHttp.send(node.port(), "GET", "/cluster-console/index.htm", Map.of(), null));
    }

    @Test
    void theDataNeedsTheTokenInTheHeaderThisHostAndThePagesOrigin() {
        assertRefused(401, RawHttp.send(node.port(), "GET", "/cluster-console/api/events", Map.of(), null));
        assertRefused(401, RawHttp.send(node.port(), "GET", "/cluster-console/api/events", Map.of("X-Health-Token", "wrong"), null));
        assertRefused(401, RawHttp.send(node.port(), "GET", "/cluster-console/api/events?token=" + NodeProcess.HEALTH_TOKEN,
                Map.of(), null));
        assertRefused(401, lookup(Map.of(), "{\"id\":\"abc\"}"));
        assertRefused(403, RawHttp.send(node.port(), "GET", "/cluster-console/api/events", with(TOKEN, "Host", "evil.example"), null));
        assertRefused(403, lookup(with(TOKEN, "Origin", "http://evil.example"), "{\"id\":\"abc\"}"));
        assertRefused(404, lookup(with(TOKEN, "Origin", "http://127.0.0.1:" + node.port()), "{\"id\":\"abc\"}"));
    }

    @Test
    void badLookupsAreClientErrors() {
        RawHttp.Response notAnId = lookup(TOKEN, "{\"id\":\"<script>\"}");
        assertEquals(400, notAnId.status(), notAnId.body());
        assertEquals(-32602, McpHttpSession.parse(notAnId.body()).getJsonObject("error").getInt("code"));
        assertEquals(400, lookup(TOKEN, "not json").status());
        assertEquals(400, lookup(TOKEN, "{\"id\":7}").status());
        assertEquals(413, lookup(TOKEN, "{\"id\":\"" + "a".repeat(2000) + "\"}").status());
        assertTrue(bystander.answersPing());
    }

    @Test
    void theFeedStartsWithHistoryThenPushesTheViewAndALookupNamesTheStreamsHolder() throws InterruptedException {
        try (EventStream feed = openPage();
             EventStream sse = RawHttp.open(node.port(), "GET", "/sse", Map.of("Accept", "text/event-stream"), null)) {
            assertEquals(200, feed.status());
            assertTrue(feed.header("Content-Type").startsWith("text/event-stream"));
            JsonObject history = McpHttpSession.parse(feed.nextData(10_000));
            JsonObject view = McpHttpSession.parse(feed.nextData(10_000));
            assertEquals("history", history.getString("type"));
            assertEquals("view", view.getString("type"));
            String self = view.getString("self");
            JsonObject me = view.getJsonArray("nodes").getJsonObject(0);
            assertEquals(self, me.getString("name"));
            assertEquals("up", me.getString("state"));
            assertTrue(me.getJsonObject("latest").getInt("sessions") >= 1, me.toString());

            String sessionId = sse.nextFrame(10_000).split("sessionId=")[1].strip();
            RawHttp.Response found = lookup(TOKEN, "{\"id\":\"" + sessionId + "\"}");
            assertEquals(200, found.status(), found.body());
            JsonObject session = McpHttpSession.parse(found.body());
            assertEquals("session", session.getString("kind"));
            assertEquals("legacy_sse", session.getString("transport"));
            assertEquals(self, session.getJsonObject("stream").getString("holder"));
            assertTrue(session.getJsonObject("stream").getBoolean("holderIsMember"));
            String streamId = session.getJsonObject("stream").getString("id");
            JsonObject byEventId = McpHttpSession.parse(lookup(TOKEN, "{\"id\":\"" + streamId + ".1\"}").body());
            assertEquals(sessionId, byEventId.getString("session"));
            assertNull(session.get("events"), "events belong to the stream");
        }
    }

    @Test
    void onePageMoreThanTheLimitIsRefused() throws InterruptedException {
        try (EventStream first = openPage();
             EventStream second = RawHttp.open(node.port(), "GET", "/cluster-console/api/events", TOKEN, null)) {
            assertEquals(200, second.status());
            RawHttp.Response third = RawHttp.send(node.port(), "GET", "/cluster-console/api/events", TOKEN, null);
            assertEquals("10", third.header("Retry-After"));
            assertRefused(503, third);
        }
    }

    /**
     * What the console costs the caches: on an idle node, exactly one write per tick (its figures, one
     * signal), nothing between ticks. The node's count is read between two ticks that the feed brackets:
     * tick k's write precedes its view (the view is pushed after the broadcast), and tick k+1 began after
     * the reading when its {@code now} is later than the reading's answer (same machine, same clock).
     */
    @Test
    void eachTickCostsTheCachesOneWriteAndNothingElse() throws InterruptedException {
        try (EventStream feed = openPage()) {
            assertEquals("history", McpHttpSession.parse(feed.nextData(10_000)).getString("type"));
            Ticks ticks = new Ticks(feed);
            Reading before = ticks.readBetweenTwo();
            while (ticks.seen < before.tick() + 10) {
                ticks.next();
            }
            Reading after = ticks.readBetweenTwo();
            assertEquals(after.tick() - before.tick(), after.operations() - before.operations(),
                    "cache operations over " + (after.tick() - before.tick()) + " ticks of an idle node");
        }
    }

    /** A count of the node's cache operations, taken after the view of tick number {@code tick}. */
    private record Reading(long tick, long operations) {
    }

    /** The feed's views, numbered as they come (one per tick). */
    private static final class Ticks {
        private final EventStream feed;
        long seen;

        Ticks(EventStream feed) {
            this.feed = feed;
        }

        JsonObject next() {
            JsonObject view = McpHttpSession.parse(feed.nextData(10_000));
            assertEquals("view", view.getString("type"));
            seen++;
            return view;
        }

        /** Reads /health after a view, kept only when the next tick began after the answer came. */
        Reading readBetweenTwo() {
            next();
            for (int attempt = 0; attempt < 20; attempt++) {
                long tick = seen;
                RawHttp.Response health = RawHttp.send(node.port(), "GET", "/health", TOKEN, null);
                long answeredAt = System.currentTimeMillis();
                if (next().getJsonNumber("now").longValue() > answeredAt) {
                    return new Reading(tick, McpHttpSession.parse(health.body()).getJsonNumber("cacheOperations").longValue());
                }
            }
            throw new AssertionError("no reading of /health fell between two ticks in 20 tries");
        }
    }

    /**
     * A page, once the node has let go of those that other tests closed: it notices a closed page when a
     * write to it fails, within a tick or two.
     */
    private static EventStream openPage() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            EventStream page = RawHttp.open(node.port(), "GET", "/cluster-console/api/events", TOKEN, null);
            if (page.status() == 200 || System.nanoTime() > deadline) {
                assertEquals(200, page.status(), "a page of the node's two");
                return page;
            }
            page.close();
            Thread.sleep(200);
        }
    }

    @Test
    void aNodeWithoutATokenServesNoConsole() {
        try (NodeProcess closed = NodeProcess.start("console-off", Map.of("mcp.health.token", ""))) {
            RawHttp.Response r = RawHttp.send(closed.port(), "GET", "/cluster-console/api/events", TOKEN, null);
            assertEquals(404, r.status(), r.body());
            assertEquals(404, RawHttp.send(closed.port(), "POST", "/cluster-console/api/lookup", TOKEN, "{\"id\":\"a\"}").status());
        }
    }
}
