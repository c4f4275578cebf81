package io.mcpcluster.it.cluster;

import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.ListenStream;
import io.mcpcluster.it.support.ModernHttp;
import io.mcpcluster.it.support.LocalCluster;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.ModernCalls;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.Processes;
import io.mcpcluster.it.support.RawHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each cross-node case forced deterministically: requests go to chosen nodes' own ports, never by
 * luck of the balancer. Three nodes: a, b, c.
 */
class CrossNodeIT {
    static LocalCluster cluster;
    static NodeProcess a;
    static NodeProcess b;
    static NodeProcess c;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.start("crossnode", 3, 3, Map.of());
        a = cluster.node(0);
        b = cluster.node(1);
        c = cluster.node(2);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    private static RawHttp.Response post(NodeProcess node, McpHttpSession s, String body) {
        return RawHttp.send(node.port(), "POST", "/mcp", s.headers(), body);
    }

    private static EventStream openGet(NodeProcess node, McpHttpSession s) {
        Map<String, String> h = s.headers();
        h.put("Accept", "text/event-stream");
        EventStream stream = RawHttp.open(node.port(), "GET", "/mcp", h, null);
        assertEquals(200, stream.status());
        return stream;
    }

    @Test
    void deliversLegacyResponsesToStreamOwnerWhenWriterIsNotOwner() {
        try (EventStream stream = RawHttp.open(a.port(), "GET", "/sse", Map.of("Accept", "text/event-stream"), null)) {
            String endpoint = stream.nextFrame(5_000).split("data: ")[1];
            Map<String, String> json = Map.of("Content-Type", "application/json");
            assertEquals(202, RawHttp.send(b.port(), "POST", endpoint, json, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                    + "\"initialize\",\"params\":{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}").status());
            assertEquals(1, McpHttpSession.parse(stream.nextData(10_000)).getInt("id"));
            for (int i = 2; i <= 31; i++) {
                NodeProcess writer = i % 3 == 0 ? a : i % 3 == 1 ? b : c;
                assertEquals(202, RawHttp.send(writer.port(), "POST", endpoint, json, "{\"jsonrpc\":\"2.0\",\"id\":" + i
                        + ",\"method\":\"tools/call\",\"params\":{\"name\":\"text_stats\",\"arguments\":{\"text\":\""
                        + "x ".repeat(i) + "\"}}}").status());
                JsonObject r = McpHttpSession.parse(stream.nextData(10_000));
                assertEquals(i, r.getInt("id"));
                assertTrue(r.toString().contains("\\\"words\\\":" + i), r.toString());
            }
        }
    }

    @Test
    void sessionCreatedOnOneNodeIsServedByEveryOther() {
        McpHttpSession s = McpHttpSession.initialize(a.port(), "2025-06-18");
        for (NodeProcess n : new NodeProcess[]{a, b, c}) {
            RawHttp.Response r = post(n, s, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"test_simple_text\"}}");
            assertEquals(200, r.status(), r.body());
        }
    }

    @Test
    void logLevelSetOnOneNodeFiltersLogsOfAToolOnAnother() {
        McpHttpSession s = McpHttpSession.initialize(a.port(), "2025-06-18");
        assertEquals(200, post(a, s, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":"
                + "{\"level\":\"error\"}}").status());
        RawHttp.Response r = post(b, s, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"test_tool_with_logging\"}}");
        assertEquals(1, McpHttpSession.messages(r).size(), r.body());
    }

    @Test
    void resourceUpdateReachesSubscriberWhoseStreamIsOnAThirdNode() {
        McpHttpSession s = McpHttpSession.initialize(a.port(), "2025-06-18");
        try (EventStream stream = openGet(c, s)) {
            assertEquals(200, post(b, s, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/subscribe\",\"params\":"
                    + "{\"uri\":\"demo://notes/security\"}}").status());
            McpHttpSession other = McpHttpSession.initialize(b.port(), "2025-06-18");
            assertEquals(200, post(a, other, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"touch_note\",\"arguments\":{\"topic\":\"security\"}}}").status());
            JsonObject n = McpHttpSession.parse(stream.nextData(10_000));
            assertEquals("notifications/resources/updated", n.getString("method"));
            assertEquals("demo://notes/security", n.getJsonObject("params").getString("uri"));
        }
    }

    @Test
    void samplingAnswerPostedToAnotherNodeCompletesTheWaitingTool() {
        McpHttpSession s = McpHttpSession.initialize(a.port(), "2025-06-18");
        try (EventStream call = RawHttp.open(b.port(), "POST", "/mcp", s.headers(), "{\"jsonrpc\":\"2.0\",\"id\":3,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"summarize\",\"arguments\":{\"text\":\"t\"}}}")) {
            JsonObject request = McpHttpSession.parse(call.nextData(10_000));
            assertEquals("sampling/createMessage", request.getString("method"));
            RawHttp.Response answer = post(c, s, "{\"jsonrpc\":\"2.0\",\"id\":\"" + request.getString("id") + "\",\"result\":"
                    + "{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"from node c\"},\"model\":\"m\"}}");
            assertEquals(202, answer.status());
            JsonObject result = McpHttpSession.parse(call.nextData(10_000));
            assertEquals(3, result.getInt("id"));
            assertEquals("from node c", result.getJsonObject("result").getJsonArray("content").getJsonObject(0)
                    .getString("text"));
        }
    }

    @Test
    void cancellationArrivingOnAnotherNodeStopsTheRunningRequest() {
        McpHttpSession s = McpHttpSession.initialize(a.port(), "2025-06-18");
        try (EventStream call = RawHttp.open(a.port(), "POST", "/mcp", s.headers(), "{\"jsonrpc\":\"2.0\",\"id\":4,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"slow_count\",\"arguments\":{\"n\":500,\"delayMs\":20},"
                + "\"_meta\":{\"progressToken\":1}}}")) {
            assertNotNull(call.nextData(10_000));
            assertEquals(202, post(c, s, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
                    + "{\"requestId\":4}}").status());
            List<String> rest = call.remainingData(10_000, 60_000);
            String last = rest.isEmpty() ? null : rest.get(rest.size() - 1);
            assertNotNull(last, "an answer after the cancellation");
            assertEquals(-32800, McpHttpSession.parse(last).getJsonObject("error").getInt("code"), last);
        }
    }

    @Test
    void deleteOnOneNodeClosesTheStreamOnAnotherAndEveryNodeThenAnswers404() {
        McpHttpSession s = McpHttpSession.initialize(b.port(), "2025-06-18");
        try (EventStream stream = openGet(a, s)) {
            assertEquals(200, RawHttp.send(c.port(), "DELETE", "/mcp", s.headers(), null).status());
            assertTrue(stream.awaitEnd(10_000), "the stream on node a must close");
        }
        for (NodeProcess n : new NodeProcess[]{a, b, c}) {
            assertEquals(404, post(n, s, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").status());
        }
    }

    @Test
    void listenStreamsOnTwoNodesHearTheChangesMadeOnAThirdAndOnlyThoseTheyAskedFor() {
        String filter = "{\"toolsListChanged\":true,\"resourceSubscriptions\":[\"test://watched-resource\"]}";
        try (ListenStream onA = ListenStream.open(a.port(), "\"on-a\"", filter);
             ListenStream onC = ListenStream.open(c.port(), "3", "{\"promptsListChanged\":true}")) {
            assertEquals("notifications/subscriptions/acknowledged", onA.next(10_000).getString("method"));
            assertEquals("notifications/subscriptions/acknowledged", onC.next(10_000).getString("method"));

            long t0 = System.nanoTime();
            ModernHttp.callTool(b.port(), "test_trigger_tool_change", "{}");
            JsonObject toolsChanged = onA.next(10_000);
            long toolsMicros = (System.nanoTime() - t0) / 1_000;
            assertEquals("notifications/tools/list_changed", toolsChanged.getString("method"), "made on b: " + toolsChanged);
            assertEquals("\"on-a\"", ListenStream.subscriptionIdOf(toolsChanged));

            ModernHttp.callTool(b.port(), "test_trigger_resource_update", "{\"uri\":\"test://watched-resource\"}");
            JsonObject updated = onA.next(10_000);
            assertEquals("notifications/resources/updated", updated.getString("method"), updated.toString());
            assertEquals("test://watched-resource", updated.getJsonObject("params").getString("uri"));

            ModernHttp.callTool(b.port(), "test_trigger_prompt_change", "{}");
            JsonObject promptsChanged = onC.next(10_000);
            assertEquals("notifications/prompts/list_changed", promptsChanged.getString("method"), "made on b: "
                    + promptsChanged);
            assertEquals("3", ListenStream.subscriptionIdOf(promptsChanged));
            assertEquals(List.of(), onA.within(1_000), "a asked for no prompt changes");
            assertEquals(List.of(), onC.within(500), "c asked for no tool changes or updates");
            System.out.println("listen: tools/list_changed made on b reached a's stream " + toolsMicros / 1000.0
                    + " ms after the trigger call began");
        }
    }

    @Test
    void typeScriptSdk2ClientListeningOnAHearsTheChangesMadeThroughB() {
        Processes.Result r = Processes.run(List.of("node", "tests-it/node/v2/listen.mjs", "across", a.url("/mcp"),
                b.url("/mcp")), 120);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("ts2-listen OK mode=across tools=B->A updated=B->A filtered=yes closed=local"),
                r.output());
        System.out.println("listen, TypeScript SDK 2.4 client: " + r.output().strip());
    }

    @Test
    void secondStandaloneStreamIsRefusedEvenOnAnotherNode() {
        McpHttpSession s = McpHttpSession.initialize(a.port(), "2025-06-18");
        try (EventStream ignored = openGet(a, s)) {
            Map<String, String> h = new HashMap<>(s.headers());
            h.put("Accept", "text/event-stream");
            assertEquals(409, RawHttp.send(b.port(), "GET", "/mcp", h, null).status());
        }
    }

    private static JsonObject modernCall(NodeProcess node, String tool, String extra, int id) {
        return ModernCalls.toolsCall(node.port(), tool, extra, id);
    }

    @Test
    void mrtrRoundsRunOnThreeNodesAndEachRequestStateIsAcceptedOnceInTheCluster() {
        String tool = "test_input_required_result_multi_round";
        JsonObject first = modernCall(a, tool, "", 900).getJsonObject("result");
        assertEquals("input_required", first.getString("resultType"), first.toString());
        String round2 = ModernCalls.answer("step1", "name", "Ada", first.getString("requestState"));
        JsonObject second = modernCall(b, tool, round2, 901).getJsonObject("result");
        assertEquals("input_required", second.getString("resultType"), "sealed on a, opened on b: " + second);
        assertTrue(second.getJsonObject("inputRequests").containsKey("step2"), second.toString());
        String round3 = ModernCalls.answer("step2", "color", "green", second.getString("requestState"));
        JsonObject done = modernCall(c, tool, round3, 902).getJsonObject("result");
        assertEquals("Ada likes green", done.getJsonArray("content").getJsonObject(0).getString("text"),
                "the answer of round 1 travelled in the state through b to c: " + done);
        // The states of rounds 1 and 2 are spent: a replay on any other node is refused.
        assertEquals(-32602, modernCall(c, tool, round2, 903).getJsonObject("error").getInt("code"));
        assertEquals(-32602, modernCall(a, tool, round3, 904).getJsonObject("error").getInt("code"));
    }
}
