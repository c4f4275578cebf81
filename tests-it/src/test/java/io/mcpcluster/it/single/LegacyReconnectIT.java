package io.mcpcluster.it.single;

import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A legacy SSE client that comes back without {@code Last-Event-ID}, as the TypeScript SDK's does (issue
 * 18), over raw sockets: relinked to its session by answering the ping through its old endpoint, or
 * adopted into a new session; and a session whose client never comes back answered 404 after the grace
 * period. Short windows so that the test waits little: relink 1 s, grace 2 s.
 */
class LegacyReconnectIT {
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final Map<String, String> RECONNECT = Map.of("Accept", "text/event-stream",
            "MCP-Protocol-Version", "2024-11-05");
    static NodeProcess node;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("legacy-reconnect", Map.of("mcp.legacy.relink.millis", "1000",
                "mcp.legacy.grace.millis", "2000"));
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    private RawHttp.Response post(String endpoint, String body) {
        return RawHttp.send(node.port(), "POST", endpoint, JSON, body);
    }

    private static String endpoint(EventStream stream) {
        String frame = stream.nextFrame(5_000);
        assertTrue(frame.startsWith("event: endpoint\ndata: /messages?sessionId="), frame);
        return frame.substring(frame.indexOf("data: ") + 6);
    }

    private static String call(int id, String text) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"text_stats\","
                + "\"arguments\":{\"text\":\"" + text + "\"}}}";
    }

    /** An initialized legacy session; returns its endpoint, with its stream closed (the client's connection broke). */
    private String sessionWhoseStreamBroke() {
        try (EventStream first = RawHttp.open(node.port(), "GET", "/sse", Map.of("Accept", "text/event-stream"), null)) {
            String endpoint = endpoint(first);
            post(endpoint, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
            assertEquals("2024-11-05", McpHttpSession.parse(first.nextData(5_000)).getJsonObject("result")
                    .getString("protocolVersion"));
            return endpoint;
        }
    }

    @Test
    void aReconnectWithoutLastEventIdIsRelinkedToItsSessionAndGetsTheAnswersItMissed() {
        String endpoint = sessionWhoseStreamBroke();
        assertEquals(202, post(endpoint, call(2, "missed while away")).status(), "answers are kept within the grace period");
        try (EventStream again = RawHttp.open(node.port(), "GET", "/sse", RECONNECT, null)) {
            JsonObject ping = McpHttpSession.parse(again.nextData(5_000));
            assertEquals("ping", ping.getString("method"));
            String pingId = ping.getString("id");
            assertTrue(pingId.startsWith("relink-") && pingId.length() > 20, pingId);
            assertEquals(202, post(endpoint, "{\"jsonrpc\":\"2.0\",\"id\":\"" + pingId + "\",\"result\":{}}").status());
            JsonObject missed = McpHttpSession.parse(again.nextData(5_000));
            if (missed.getInt("id") == 1) {
                // The initialize answer again: the node had not yet seen the old connection break when the
                // client came back, so its delivery mark was not recorded. A duplicate, never a loss.
                missed = McpHttpSession.parse(again.nextData(5_000));
            }
            assertEquals(2, missed.getInt("id"), "the answer given while the client was away: " + missed);
            assertEquals(202, post(endpoint, call(3, "after the relink")).status());
            JsonObject live = McpHttpSession.parse(again.nextData(5_000));
            assertEquals(3, live.getInt("id"));
        }
    }

    @Test
    void aReconnectThatDoesNotAnswerThePingGetsANewSessionAdoptedAtItsVersion() {
        try (EventStream stream = RawHttp.open(node.port(), "GET", "/sse", RECONNECT, null)) {
            assertEquals("ping", McpHttpSession.parse(stream.nextData(5_000)).getString("method"));
            String endpoint = endpoint(stream);
            assertEquals(202, post(endpoint, call(7, "no initialize needed")).status());
            JsonObject answer = McpHttpSession.parse(stream.nextData(5_000));
            assertEquals(7, answer.getInt("id"));
            assertTrue(answer.containsKey("result"), answer.toString());
            assertEquals(202, post(endpoint, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"test_sampling\",\"arguments\":{\"prompt\":\"hi\"}}}").status());
            JsonObject refused = McpHttpSession.parse(stream.nextData(5_000));
            assertEquals(8, refused.getInt("id"));
            String text = refused.toString();
            assertTrue(text.contains("did not declare") && text.contains("sampling"), text);
        }
    }

    @Test
    void aSessionWhoseClientNeverComesBackIsAnswered404AfterTheGracePeriod() throws InterruptedException {
        String endpoint = sessionWhoseStreamBroke();
        assertEquals(202, post(endpoint, call(2, "within grace")).status());
        long deadline = System.nanoTime() + 15_000_000_000L;
        RawHttp.Response late;
        int id = 3;
        do {
            Thread.sleep(250);
            late = post(endpoint, call(id++, "too late"));
        } while (late.status() == 202 && System.nanoTime() < deadline);
        assertEquals(404, late.status(), late.body());
        assertEquals(-32001, McpHttpSession.parse(late.body()).getJsonObject("error").getInt("code"));
        assertFalse(late.body().contains("Exception"), late.body());
        assertEquals(404, post(endpoint, call(id, "still gone")).status(), "the session is ended everywhere");
    }
}
