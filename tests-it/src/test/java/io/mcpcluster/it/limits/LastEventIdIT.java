package io.mcpcluster.it.limits;

import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static io.mcpcluster.it.limits.InputLimitsIT.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Last-Event-ID} is checked before anything is replayed or acknowledged: malformed, or beyond
 * the events its stream issued, is 400 (issue 13: {@code <stream>.9223372036854775807} pinned a core
 * forever). And a %-malformed session id in a query string is a JSON 400, not the container's page.
 */
@Timeout(120)
class LastEventIdIT {
    static NodeProcess node;
    McpHttpSession bystander;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("last-event-id", Map.of());
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @BeforeEach
    void openBystander() {
        bystander = McpHttpSession.initialize(node.port(), "2025-11-25");
    }

    @AfterEach
    void bystanderStillServed() {
        assertTrue(bystander.answersPing(), "another session must still be served");
    }

    private Map<String, String> getHeaders(McpHttpSession s, String lastEventId) {
        Map<String, String> h = s.headers();
        h.put("Accept", "text/event-stream");
        if (lastEventId != null) {
            h.put("Last-Event-ID", lastEventId);
        }
        return h;
    }

    /** Opens the session's GET stream, reads the id of its priming event, and closes it. */
    private String primingId(McpHttpSession s) {
        try (EventStream stream = RawHttp.open(node.port(), "GET", "/mcp", getHeaders(s, null), null)) {
            assertEquals(200, stream.status());
            String frame = stream.nextFrame(5_000);
            assertNotNull(frame, "no priming event");
            return frame.lines().filter(l -> l.startsWith("id: ")).findFirst().orElseThrow().substring(4);
        }
    }

    @Test
    void anIdBeyondWhatTheStreamIssuedIs400AndPinsNoCore() throws InterruptedException {
        McpHttpSession s = McpHttpSession.initialize(node.port(), "2025-11-25");
        String priming = primingId(s);
        String stream = priming.substring(0, priming.lastIndexOf('.'));
        long cpuBefore = NodeStats.cpuTicks(node.pid());
        assertRefused(RawHttp.send(node.port(), "GET", "/mcp", getHeaders(s, stream + ".9223372036854775807"), null),
                400, -32600);
        assertRefused(RawHttp.send(node.port(), "GET", "/mcp", getHeaders(s, stream + ".1"), null), 400, -32600);
        Thread.sleep(2_000);
        long cpu = NodeStats.cpuTicks(node.pid()) - cpuBefore;
        System.out.printf("Last-Event-ID beyond the stream: node CPU over the next 2 s: %d ticks (1/100 s)%n", cpu);
        assertTrue(cpu < 100, "the node used " + cpu + " ticks of CPU in 2 s");
        try (EventStream resumed = RawHttp.open(node.port(), "GET", "/mcp", getHeaders(s, priming), null)) {
            assertEquals(200, resumed.status(), "the priming id itself still resumes");
        }
    }

    @Test
    void aMalformedIdIs400OnBothTransports() {
        for (String id : new String[]{"garbage", "abc.-1", "abc.x", ".5", "abc.", "a".repeat(300) + ".1"}) {
            assertRefused(RawHttp.send(node.port(), "GET", "/mcp", getHeaders(bystander, id), null), 400, -32600);
            assertRefused(RawHttp.send(node.port(), "GET", "/sse",
                    Map.of("Accept", "text/event-stream", "Last-Event-ID", id), null), 400, -32600);
        }
    }

    @Test
    void aLegacyIdBeyondWhatTheStreamIssuedIs400() {
        String endpoint;
        String eventId;
        try (EventStream sse = RawHttp.open(node.port(), "GET", "/sse", Map.of("Accept", "text/event-stream"), null)) {
            endpoint = sse.nextData(5_000);
            assertNotNull(endpoint);
            RawHttp.Response posted = RawHttp.send(node.port(), "POST", endpoint,
                    Map.of("Content-Type", "application/json"), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
            assertEquals(202, posted.status(), posted.body());
            String frame = sse.nextFrame(5_000);
            assertNotNull(frame);
            eventId = frame.lines().filter(l -> l.startsWith("id: ")).findFirst().orElseThrow().substring(4);
        }
        String stream = eventId.substring(0, eventId.lastIndexOf('.'));
        // A legacy resume names its session (as in its endpoint) beside the event id.
        String resumePath = "/sse?" + endpoint.substring(endpoint.indexOf('?') + 1);
        assertRefused(RawHttp.send(node.port(), "GET", resumePath,
                Map.of("Accept", "text/event-stream", "Last-Event-ID", stream + ".9223372036854775807"), null), 400, -32600);
        try (EventStream resumed = RawHttp.open(node.port(), "GET", resumePath,
                Map.of("Accept", "text/event-stream", "Last-Event-ID", eventId), null)) {
            assertEquals(200, resumed.status());
            assertEquals(endpoint, resumed.nextData(5_000), "the same session goes on");
        }
    }

    @Test
    void aPercentMalformedSessionIdIs400Json() {
        for (String query : new String[]{"sessionId=%zz", "sessionId=abc%", "sessionId=%E0%A4%A"}) {
            RawHttp.Response r = RawHttp.send(node.port(), "POST", "/messages?" + query,
                    Map.of("Content-Type", "application/json"), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
            assertRefused(r, 400, -32600);
            assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        }
    }
}
