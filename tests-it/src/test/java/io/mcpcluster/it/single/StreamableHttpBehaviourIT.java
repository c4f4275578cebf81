package io.mcpcluster.it.single;

import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a Streamable HTTP client sees on the wire, checked over raw sockets against a real node. */
class StreamableHttpBehaviourIT {
    static NodeProcess node;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("streamable-behaviour", Map.of());
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void healthNamesThisNodeAsTheOnlyMemberOfItsLocalCacheToTheHolderOfTheToken() {
        RawHttp.Response r = RawHttp.send(node.port(), "GET", "/health", NodeProcess.HEALTH_DETAILS, null);
        assertEquals(200, r.status());
        assertEquals("application/json", r.header("Content-Type").split(";")[0]);
        JsonObject health = McpHttpSession.parse(r.body());
        assertEquals("UP", health.getString("status"));
        assertEquals(1, health.getJsonArray("members").size());
        assertEquals(health.getString("node"), health.getJsonArray("members").getString(0));
    }

    @Test
    void writesProgressAsEventStreamFramesBeforeTheResultAndEchoesANumericToken() {
        McpHttpSession s = McpHttpSession.initialize(node.port(), "2025-06-18");
        RawHttp.Response r = s.post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"test_tool_with_progress\",\"_meta\":{\"progressToken\":42}}}");
        assertTrue(r.header("Content-Type").startsWith("text/event-stream"));
        assertEquals("no", r.header("X-Accel-Buffering"));
        String[] frames = r.body().split("\n\n");
        assertEquals(4, frames.length, r.body());
        for (int i = 0; i < 4; i++) {
            String[] lines = frames[i].split("\n");
            assertTrue(lines[0].matches("id: [A-Za-z0-9_-]{22}\\." + (i + 1)), lines[0]);
            assertEquals("event: message", lines[1]);
            assertTrue(lines[2].startsWith("data: {"), lines[2]);
        }
        List<JsonObject> messages = McpHttpSession.messages(r);
        assertEquals(42, messages.get(0).getJsonObject("params").getInt("progressToken"));
        assertEquals(List.of(0, 50, 100), messages.subList(0, 3).stream()
                .map(m -> m.getJsonObject("params").getInt("progress")).toList());
        assertEquals(7, messages.get(3).getInt("id"));
    }

    @Test
    void echoesAStringProgressTokenAsAString() {
        McpHttpSession s = McpHttpSession.initialize(node.port(), "2025-06-18");
        RawHttp.Response r = s.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"test_tool_with_progress\",\"_meta\":{\"progressToken\":\"tok-1\"}}}");
        assertEquals("tok-1", McpHttpSession.messages(r).get(0).getJsonObject("params").getString("progressToken"));
    }

    @Test
    void answersWithPlainJsonWhenNothingPrecedesTheResult() {
        McpHttpSession s = McpHttpSession.initialize(node.port(), "2025-06-18");
        RawHttp.Response r = s.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"test_simple_text\"}}");
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        assertEquals("This is a simple text response for testing.", McpHttpSession.parse(r.body())
                .getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
    }

    @Test
    void filtersLogNotificationsBelowTheSessionLevel() {
        McpHttpSession s = McpHttpSession.initialize(node.port(), "2025-06-18");
        s.request("logging/setLevel", "{\"level\":\"warning\"}");
        RawHttp.Response quiet = s.post("{\"jsonrpc\":\"2.0\",\"id\":102,\"method\":\"tools/call\",\"params\":{\"name\":\"test_tool_with_logging\"}}");
        assertEquals(1, McpHttpSession.messages(quiet).size(), quiet.body());
        s.request("logging/setLevel", "{\"level\":\"debug\"}");
        RawHttp.Response loud = s.post("{\"jsonrpc\":\"2.0\",\"id\":103,\"method\":\"tools/call\",\"params\":{\"name\":\"test_tool_with_logging\"}}");
        List<JsonObject> messages = McpHttpSession.messages(loud);
        assertEquals(4, messages.size(), loud.body());
        assertEquals("Tool execution started", messages.get(0).getJsonObject("params").getString("data"));
    }

    @Test
    void aRequestIdSentTwiceInOneSessionRunsOnlyOnce() throws java.io.IOException {
        McpHttpSession s = McpHttpSession.initialize(node.port(), "2025-11-25");
        String call = "{\"jsonrpc\":\"2.0\",\"id\":\"twice\",\"method\":\"tools/call\",\"params\":{\"name\":\"traced_add\","
                + "\"arguments\":{\"a\":1,\"b\":2}}}";
        JsonObject first = McpHttpSession.messages(s.post(call)).get(0);
        String text = first.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text");
        assertEquals(3, McpHttpSession.parse(text).getInt("sum"), first.toString());
        JsonObject again = McpHttpSession.messages(s.post(call)).get(0);
        assertEquals("twice", again.getString("id"));
        assertEquals(-32600, again.getJsonObject("error").getInt("code"), again.toString());
        assertEquals(1, java.nio.file.Files.readAllLines(node.log()).stream()
                .filter(l -> l.contains("call " + s.id() + " twice start")).count(), "the tool ran more than once");
    }

    @Test
    void completesAnElicitationWhoseAnswerIsPostedSeparately() {
        McpHttpSession s = McpHttpSession.initialize(node.port(), "2025-11-25");
        try (EventStream call = RawHttp.open(node.port(), "POST", "/mcp", s.headers(), "{\"jsonrpc\":\"2.0\",\"id\":5,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"test_elicitation\",\"arguments\":{\"message\":\"Who?\"}}}")) {
            assertEquals(200, call.status());
            JsonObject request = McpHttpSession.parse(call.nextData(10_000));
            assertEquals("elicitation/create", request.getString("method"));
            assertEquals("Who?", request.getJsonObject("params").getString("message"));
            RawHttp.Response answer = s.post("{\"jsonrpc\":\"2.0\",\"id\":\"" + request.getString("id") + "\",\"result\":"
                    + "{\"action\":\"accept\",\"content\":{\"username\":\"ann\",\"email\":\"a@example.com\"}}}");
            assertEquals(202, answer.status());
            JsonObject result = McpHttpSession.parse(call.nextData(10_000));
            assertEquals(5, result.getInt("id"));
            String text = result.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text");
            assertTrue(text.contains("action=accept") && text.contains("ann"), text);
        }
    }

    @Test
    void refusesSamplingToAClientWithoutTheCapability() {
        RawHttp.Response init = RawHttp.send(node.port(), "POST", "/mcp", McpHttpSession.headers(null),
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        String id = init.header("Mcp-Session-Id");
        RawHttp.Response r = RawHttp.send(node.port(), "POST", "/mcp", McpHttpSession.headers(id),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"test_sampling\",\"arguments\":{\"prompt\":\"hi\"}}}");
        JsonObject result = McpHttpSession.messages(r).get(0).getJsonObject("result");
        assertTrue(result.getBoolean("isError"), r.body());
        assertTrue(result.getJsonArray("content").getJsonObject(0).getString("text").contains("sampling"));
    }

    @Test
    void cancelledRequestStopsRunningAndIsAnsweredAsCancelled() {
        McpHttpSession s = McpHttpSession.initialize(node.port(), "2025-06-18");
        try (EventStream call = RawHttp.open(node.port(), "POST", "/mcp", s.headers(), "{\"jsonrpc\":\"2.0\",\"id\":9,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"slow_count\",\"arguments\":{\"n\":500,\"delayMs\":20},"
                + "\"_meta\":{\"progressToken\":1}}}")) {
            assertNotNull(call.nextData(10_000), "progress before cancelling");
            assertEquals(202, s.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
                    + "{\"requestId\":9,\"reason\":\"test\"}}").status());
            List<String> rest = call.remainingData(5_000, 60_000);
            String last = rest.isEmpty() ? null : rest.get(rest.size() - 1);
            assertNotNull(last, "an answer after the cancellation");
            JsonObject response = McpHttpSession.parse(last);
            assertEquals(9, response.getInt("id"));
            assertEquals(-32800, response.getJsonObject("error").getInt("code"), last);
        }
    }

    @Test
    void standaloneStreamOpensWithPrimingEventFor2025_11_25() {
        McpHttpSession s = McpHttpSession.initialize(node.port(), "2025-11-25");
        Map<String, String> h = s.headers();
        h.put("Accept", "text/event-stream");
        try (EventStream stream = RawHttp.open(node.port(), "GET", "/mcp", h, null)) {
            assertEquals(200, stream.status());
            assertTrue(stream.header("Content-Type").startsWith("text/event-stream"));
            String priming = stream.nextFrame(5_000);
            assertTrue(priming.matches("id: [A-Za-z0-9_-]{22}\\.0\nretry: 1000\ndata: "), priming);
        }
    }
}
