package io.mcpcluster.it.cluster;

import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.LocalCluster;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.Processes;
import io.mcpcluster.it.support.RawHttp;
import io.mcpcluster.it.support.ServerCallLog;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node stopped with SIGTERM drains (docs/OPERATIONS.md#drain), each step seen from outside: readiness
 * off while it still serves, then new requests refused 503 (nginx passes them on, and each runs once),
 * its running call finished, its streams handed off with a retry hint and resumed on another node, and
 * the cluster left cleanly; or drained by a Kubernetes preStop hook ({@code DrainCommand}) before the stop
 * signal. Two nodes behind nginx; node a drains.
 */
class DrainIT {
    static final String VERSION = "2025-11-25";
    LocalCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aDrainingNodeGoesUnreadyKeepsServingThenRefusesWhatNginxRunsElsewhereOnceAndFinishesItsCall()
            throws Exception {
        cluster = LocalCluster.start("drain", 2, 2, Map.of("mcp.drain.delay.millis", "6000",
                "mcp.drain.timeout.millis", "40000"));
        NodeProcess a = cluster.node(0);
        NodeProcess b = cluster.node(1);
        McpHttpSession session = McpHttpSession.initialize(a.port(), VERSION);
        CompletableFuture<JsonObject> slowCall = CompletableFuture.supplyAsync(() -> session.request("tools/call",
                "{\"name\":\"traced_add\",\"arguments\":{\"a\":20,\"b\":22,\"delayMs\":15000}}"));
        awaitLogged(a, "call " + session.id() + " 1 start", 30_000);

        a.terminate();
        RawHttp.Response notReady = await(() -> RawHttp.send(a.port(), "GET", "/health/ready", NodeProcess.HEALTH_DETAILS, null),
                r -> r.status() == 503, 20_000, "node a's readiness going off");
        assertEquals(List.of("draining"), McpHttpSession.parse(notReady.body()).getJsonArray("reasons")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("{\"status\":\"DOWN\"}", RawHttp.send(a.port(), "GET", "/health/ready", Map.of(), null).body(),
                "the reasons only to the health token's holder");
        assertEquals(200, RawHttp.send(a.port(), "GET", "/health/live", Map.of(), null).status());
        assertEquals(200, RawHttp.send(b.port(), "GET", "/health/ready", Map.of(), null).status());
        assertTrue(session.answersPing(), "still serving while balancers take it out");

        RawHttp.Response refused = await(() -> session.post("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}"),
                r -> r.status() == 503, 30_000, "node a refusing new requests");
        JsonObject error = McpHttpSession.parse(refused.body()).getJsonObject("error");
        assertEquals(-32000, error.getInt("code"), refused.body());
        assertEquals("Service Unavailable: this node is stopping; retry on another node", error.getString("message"));
        assertNull(refused.header("Server"), "no server version in a refusal");

        // nginx still lists node a: each call it sends there is refused and passed on to node b, where it runs once.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = "via-balancer-" + i;
            ids.add(id);
            RawHttp.Response r = RawHttp.send(cluster.balancer().port(), "POST", "/mcp", session.headers(),
                    "{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"method\":\"tools/call\",\"params\":{\"name\":\"traced_add\","
                            + "\"arguments\":{\"a\":" + i + ",\"b\":1}}}");
            assertEquals(200, r.status(), r.toString());
            List<JsonObject> messages = McpHttpSession.messages(r);
            String text = messages.get(messages.size() - 1).getJsonObject("result").getJsonArray("content")
                    .getJsonObject(0).getString("text");
            assertTrue(text.startsWith("{\"sum\":" + (i + 1) + ","), text);
        }
        assertTrue(a.isAlive(), "node a still drains (its call runs): the refusals above were its");

        JsonObject slow = slowCall.get(60, TimeUnit.SECONDS);
        assertTrue(slow.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text")
                .startsWith("{\"sum\":42,"), "the call running on the draining node finished: " + slow);
        assertEquals(0, a.awaitExit(60), "node a exits cleanly after its drain");
        assertTrue(Files.readString(a.log()).contains("Drained in "), "node a logged its drain");

        ServerCallLog calls = ServerCallLog.read(List.of(a.log(), b.log()));
        for (String id : ids) {
            List<ServerCallLog.Execution> runs = calls.executions(session.id(), id);
            assertEquals(1, runs.size(), id + " ran once: " + runs);
            assertEquals(b.name(), runs.get(0).node(), id);
        }
        assertTrue(membersOf(b).equals(List.of(b.name())), "node a left the cluster: " + membersOf(b));
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aPreStopDrainEndsTheNodesStreamsWithARetryHintAndTheyResumeOnAnotherNode() throws Exception {
        cluster = LocalCluster.start("drain-streams", 2, 2, Map.of());
        NodeProcess a = cluster.node(0);
        NodeProcess b = cluster.node(1);
        McpHttpSession session = McpHttpSession.initialize(a.port(), VERSION);
        assertTrue(session.request("resources/subscribe", "{\"uri\":\"demo://notes/operations\"}").containsKey("result"));
        String primingId;
        try (EventStream standalone = RawHttp.open(a.port(), "GET", "/mcp",
                Map.of("Accept", "text/event-stream", "Mcp-Session-Id", session.id()), null);
             EventStream legacy = RawHttp.open(a.port(), "GET", "/sse", Map.of("Accept", "text/event-stream"), null)) {
            assertEquals(200, standalone.status());
            String priming = standalone.nextFrameStartingWith("id: ", 10_000);
            assertNotNull(priming, "the 2025-11-25 stream's priming event");
            primingId = priming.split("\n")[0].substring(4);
            String endpoint = legacy.nextFrame(10_000).split("data: ")[1];

            // The Kubernetes preStop hook: the health token's holder drains the node before it is told to stop.
            assertEquals(403, RawHttp.send(a.port(), "POST", "/health/drain", Map.of("X-Health-Token", "wrong"), null)
                    .status());
            CompletableFuture<Processes.Result> preStop = CompletableFuture.supplyAsync(() -> Processes.run(
                    List.of(java(), "-cp", "target/mcp-cluster-launcher.jar", "io.mcpcluster.launcher.DrainCommand",
                            "http://127.0.0.1:" + a.port()), Map.of("MCP_HEALTH_TOKEN", NodeProcess.HEALTH_TOKEN), 120));
            List<String> standaloneEnd = standalone.remainingFrames(20_000, 60_000);
            assertTrue(standaloneEnd.stream().anyMatch(f -> f.startsWith("retry: ")),
                    "the standalone stream ended with a retry hint: " + standaloneEnd);
            List<String> legacyEnd = legacy.remainingFrames(20_000, 60_000);
            assertTrue(legacyEnd.stream().anyMatch(f -> f.startsWith("retry: ")),
                    "the legacy stream ended with a retry hint: " + legacyEnd);

            // The legacy session lives on: node b takes its request while the client comes back.
            assertEquals(202, RawHttp.send(b.port(), "POST", endpoint, Map.of("Content-Type", "application/json"),
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").status());
            Processes.Result drained = preStop.get(120, TimeUnit.SECONDS);
            assertEquals(0, drained.exitCode(), drained.output());
            assertTrue(drained.output().contains("{\"status\":\"DRAINED\"}"), drained.output());
        }
        assertTrue(a.isAlive(), "a drained node runs until it is told to stop");
        assertEquals(503, RawHttp.send(a.port(), "GET", "/health/ready", Map.of(), null).status());
        a.terminate();
        assertEquals(0, a.awaitExit(60), "node a exits cleanly, its drain done already");

        // A change made while the client reconnects waits in the log, and the resume on node b replays it.
        McpHttpSession onB = McpHttpSession.initialize(b.port(), VERSION);
        onB.request("tools/call", "{\"name\":\"touch_note\",\"arguments\":{\"topic\":\"operations\"}}");
        try (EventStream resumed = RawHttp.open(b.port(), "GET", "/mcp", Map.of("Accept", "text/event-stream",
                "Mcp-Session-Id", session.id(), "Last-Event-ID", primingId), null)) {
            assertEquals(200, resumed.status());
            String update = resumed.nextData(20_000);
            assertNotNull(update, "the update sent while the stream moved");
            assertTrue(update.contains("notifications/resources/updated"), update);
        }
    }

    private static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> membersOf(NodeProcess n) {
        String body = RawHttp.send(n.port(), "GET", "/health", NodeProcess.HEALTH_DETAILS, null).body();
        return McpHttpSession.parse(body).getJsonArray("members").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    private static void awaitLogged(NodeProcess n, String text, long millis) throws Exception {
        await(() -> {
            try {
                return Files.readString(n.log());
            } catch (java.io.IOException e) {
                return "";
            }
        }, log -> log.contains(text), millis, "'" + text + "' in " + n.name() + "'s log");
    }

    private static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done, long millis, String what)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        T last = null;
        while (System.currentTimeMillis() < deadline) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited " + millis + " ms for " + what + "; last seen: " + last);
    }
}
