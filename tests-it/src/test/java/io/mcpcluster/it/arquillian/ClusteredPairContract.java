package io.mcpcluster.it.arquillian;

import io.mcpcluster.it.support.Conformance;
import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.ListenStream;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.ModernCalls;
import io.mcpcluster.it.support.ModernHttp;
import io.mcpcluster.it.support.Processes;
import io.mcpcluster.it.support.NoInternals;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import io.mcpcluster.it.support.ResumeScenario;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URL;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every deployment target must show with two servers clustered through it (WildFly's own
 * Infinispan and JGroups channel, or Jetty with webapp-config/infinispan.xml): sessions and streams
 * opened through server 1 are used, and resumed, through server 2, and the console of one shows both. Subclasses deploy the WAR with Arquillian and
 * hand over the two base URLs.
 * <p>Arquillian keeps its contexts in the test thread, so these tests time out in that thread (interrupted
 * when late) rather than in the separate thread the other tests use (junit-platform.properties).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SAME_THREAD)
public abstract class ClusteredPairContract {

    protected abstract URL server1();

    protected abstract URL server2();

    private int port1() {
        return server1().getPort();
    }

    private int port2() {
        return server2().getPort();
    }

    private static String call(String tool, String argumentsJson, int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\""
                + (argumentsJson == null ? "" : ",\"arguments\":" + argumentsJson) + "}}";
    }

    private static String text(JsonObject response) {
        return response.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text");
    }

    @Test
    void errorAnswersCarryNoStackTraceAndNoServerVersion() {
        McpHttpSession s = McpHttpSession.initialize(port1(), "2025-06-18");
        NoInternals.assertNoInternals("GET /", RawHttp.send(port2(), "GET", "/", Map.of(), null));
        NoInternals.assertNoInternals("GET /mcp/%zz", RawHttp.send(port2(), "GET", "/mcp/%zz", Map.of(), null));
        NoInternals.assertNoInternals("POST /messages bad form", RawHttp.send(port2(), "POST",
                "/messages?sessionId=%zz", Map.of("Content-Type", "application/x-www-form-urlencoded"), "a=%zz&b=%"));
        RawHttp.Response nullArgument = RawHttp.send(port2(), "POST", "/mcp", s.headers(), "{\"jsonrpc\":\"2.0\","
                + "\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"text_stats\",\"arguments\":{\"text\":null}}}");
        NoInternals.assertNoInternals("tools/call with a null argument", nullArgument);
        assertEquals(-32602, McpHttpSession.messages(nullArgument).get(0).getJsonObject("error").getInt("code"));
        JsonObject anyone = McpHttpSession.parse(RawHttp.send(port2(), "GET", "/health", Map.of(), null).body());
        assertEquals(1, anyone.size(), "only the status, without the token: " + anyone);
        assertTrue(s.answersPing(), "the session is served after all of them");
    }

    @Test
    void bothServersFormOneClusterAndSayItOnTheHealthEndpoint() {
        JsonObject h1 = McpHttpSession.parse(RawHttp.send(port1(), "GET", "/health", NodeProcess.HEALTH_DETAILS, null).body());
        JsonObject h2 = McpHttpSession.parse(RawHttp.send(port2(), "GET", "/health", NodeProcess.HEALTH_DETAILS, null).body());
        assertEquals("UP", h1.getString("status"));
        assertEquals(2, h1.getJsonArray("members").size(), h1.toString());
        assertEquals(h1.getJsonArray("members"), h2.getJsonArray("members"));
        assertTrue(!h1.getString("node").equals(h2.getString("node")), h1 + " " + h2);
    }

    @Test
    void listenStreamOnServer1HearsTheChangesMadeThroughServer2() {
        try (ListenStream onServer1 = ListenStream.open(port1(), "\"pair\"",
                "{\"toolsListChanged\":true,\"resourceSubscriptions\":[\"test://watched-resource\"]}")) {
            assertEquals("notifications/subscriptions/acknowledged", onServer1.next(30_000).getString("method"));
            ModernHttp.callTool(port2(), "test_trigger_tool_change", "{}");
            JsonObject changed = onServer1.next(30_000);
            assertEquals("notifications/tools/list_changed", changed.getString("method"), "made on server 2: " + changed);
            assertEquals("\"pair\"", ListenStream.subscriptionIdOf(changed));
            ModernHttp.callTool(port2(), "test_trigger_resource_update", "{\"uri\":\"test://watched-resource\"}");
            JsonObject updated = onServer1.next(30_000);
            assertEquals("test://watched-resource", updated.getJsonObject("params").getString("uri"), updated.toString());
        }
    }

    @Test
    void streamableSessionOpenedThroughServer1IsUsedThroughServer2() {
        McpHttpSession s = McpHttpSession.initialize(port1(), "2025-06-18");
        Map<String, String> headers = s.headers();
        headers.put("MCP-Protocol-Version", "2025-06-18");
        Set<String> executedOn = new HashSet<>();
        for (int i = 1; i <= 10; i++) {
            int port = i % 2 == 0 ? port1() : port2();
            RawHttp.Response r = RawHttp.send(port, "POST", "/mcp", headers, call("served_by", null, i));
            assertEquals(200, r.status(), r.body());
            JsonObject response = McpHttpSession.messages(r).get(0);
            assertEquals(i, response.getInt("id"));
            executedOn.add(text(response));
            RawHttp.Response stats = RawHttp.send(port, "POST", "/mcp", headers,
                    call("text_stats", "{\"text\":\"" + "word ".repeat(i) + "\"}", 100 + i));
            assertTrue(stats.body().contains("\\\"words\\\":" + i), stats.body());
        }
        assertEquals(2, executedOn.size(), "calls ran on both servers: " + executedOn);
        // Ended through server 2: gone on both.
        assertEquals(200, RawHttp.send(port2(), "DELETE", "/mcp", headers, null).status());
        assertEquals(404, RawHttp.send(port1(), "POST", "/mcp", headers, call("served_by", null, 99)).status());
    }

    @Test
    void legacySseStreamOnServer1ReceivesEveryResponseToPostsSentToServer2() {
        try (EventStream stream = RawHttp.open(port1(), "GET", "/sse", Map.of("Accept", "text/event-stream"), null)) {
            assertEquals(200, stream.status());
            String endpoint = stream.nextFrame(10_000).split("data: ")[1].trim();
            Map<String, String> json = Map.of("Content-Type", "application/json");
            assertEquals(202, RawHttp.send(port2(), "POST", endpoint, json, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                    + "\"initialize\",\"params\":{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"arquillian\",\"version\":\"1\"}}}").status());
            assertEquals(1, McpHttpSession.parse(stream.nextData(10_000)).getInt("id"));
            assertEquals(202, RawHttp.send(port2(), "POST", endpoint, json,
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").status());
            Set<String> executedOn = new HashSet<>();
            for (int i = 2; i <= 21; i++) {
                int port = i % 2 == 0 ? port2() : port1();
                assertEquals(202, RawHttp.send(port, "POST", endpoint, json, call("served_by", null, i)).status());
                JsonObject response = McpHttpSession.parse(stream.nextData(10_000));
                assertEquals(i, response.getInt("id"), "each response once, in order: " + response);
                executedOn.add(text(response));
            }
            assertEquals(2, executedOn.size(), "calls ran on both servers: " + executedOn);
        }
    }

    @Test
    void theConsoleOnServer1ShowsBothServersAndFindsAStreamHeldByServer2() {
        String name2 = McpHttpSession.parse(RawHttp.send(port2(), "GET", "/health", NodeProcess.HEALTH_DETAILS, null)
                .body()).getString("node");
        try (EventStream feed = RawHttp.open(port1(), "GET", "/cluster-console/api/events", NodeProcess.HEALTH_DETAILS, null);
             EventStream sse = RawHttp.open(port2(), "GET", "/sse", Map.of("Accept", "text/event-stream"), null)) {
            assertEquals(200, feed.status());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Set<String> up = Set.of();
            while (up.size() < 2 && System.nanoTime() < deadline) { // server 2's figures come with its next tick
                up = McpHttpSession.parse(feed.nextData(10_000)).getJsonArray("nodes").stream()
                        .map(n -> n.asJsonObject()).filter(n -> n.getString("state").equals("up") && n.containsKey("latest"))
                        .map(n -> n.getString("name")).collect(java.util.stream.Collectors.toSet());
            }
            assertTrue(up.contains(name2) && up.size() == 2, "both servers up on server 1's console: " + up);
            String sessionId = sse.nextFrame(10_000).split("sessionId=")[1].trim();
            RawHttp.Response found = RawHttp.send(port1(), "POST", "/cluster-console/api/lookup",
                    Map.of("X-Health-Token", NodeProcess.HEALTH_TOKEN, "Content-Type", "application/json"),
                    "{\"id\":\"" + sessionId + "\"}");
            assertEquals(200, found.status(), found.body());
            assertEquals(name2, McpHttpSession.parse(found.body()).getJsonObject("stream").getString("holder"));
        }
    }

    @Test
    void notificationCausedOnServer2ReachesTheStandaloneStreamOnServer1() {
        McpHttpSession s = McpHttpSession.initialize(port2(), "2025-06-18");
        Map<String, String> get = s.headers();
        get.put("Accept", "text/event-stream");
        try (EventStream stream = RawHttp.open(port1(), "GET", "/mcp", get, null)) {
            assertEquals(200, stream.status());
            assertEquals(200, RawHttp.send(port2(), "POST", "/mcp", s.headers(), "{\"jsonrpc\":\"2.0\",\"id\":1,"
                    + "\"method\":\"resources/subscribe\",\"params\":{\"uri\":\"demo://notes/operations\"}}").status());
            McpHttpSession other = McpHttpSession.initialize(port1(), "2025-06-18");
            assertEquals(200, RawHttp.send(port2(), "POST", "/mcp", other.headers(),
                    call("touch_note", "{\"topic\":\"operations\"}", 2)).status());
            JsonObject n = McpHttpSession.parse(stream.nextData(10_000));
            assertEquals("notifications/resources/updated", n.getString("method"));
            assertEquals("demo://notes/operations", n.getJsonObject("params").getString("uri"));
        }
    }

    /**
     * 2026-07-28 MRTR across the pair: round 1 answered input_required by server 1, round 2 by server 2,
     * completed by server 1; the requestState key (generated once, kept in the pending cache) is shared.
     */
    @Test
    void mrtrRoundsAlternateBetweenTheServersAndEachStateIsUsedOnce() {
        String tool = "test_input_required_result_multi_round";
        JsonObject first = ModernCalls.toolsCall(port1(), tool, "", 60).getJsonObject("result");
        assertEquals("input_required", first.getString("resultType"), first.toString());
        String round2 = ModernCalls.answer("step1", "name", "Ada", first.getString("requestState"));
        JsonObject second = ModernCalls.toolsCall(port2(), tool, round2, 61).getJsonObject("result");
        assertEquals("input_required", second.getString("resultType"), "sealed on 1, opened on 2: " + second);
        String round3 = ModernCalls.answer("step2", "color", "green", second.getString("requestState"));
        JsonObject done = ModernCalls.toolsCall(port1(), tool, round3, 62);
        assertEquals("Ada likes green", text(done), "round 1's answer travelled through server 2: " + done);
        assertEquals(-32602, ModernCalls.toolsCall(port1(), tool, round2, 63).getJsonObject("error").getInt("code"),
                "round 1's state, used on server 2, replayed on server 1");
    }

    @Test
    void postStreamCutOnServer1IsResumedOnServer2WithTheRestInOrder() {
        ResumeScenario.cutAfterFirstEventAndResume(port1(), port2());
    }

    @Test
    void officialConformanceSuitePassesThroughServer2() {
        Processes.Result r = Conformance.run("http://127.0.0.1:" + port2() + "/mcp");
        assertTrue(r.output().contains("Total: 40 passed, 0 failed"), r.output());
    }
}
