package io.mcpcluster.it.cluster;

import io.mcpcluster.it.support.Conformance;
import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.LocalCluster;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.Processes;
import io.mcpcluster.it.support.RawHttp;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Three nodes behind nginx round-robin with no stickiness: real clients see one server. */
class BalancerIT {
    static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.start("balancer", 3, 3, Map.of());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    /**
     * The seed scenario: a legacy SSE client behind the balancer, 200 requests; every POST lands on the
     * next node, gets 202, and every response arrives on the stream exactly once.
     */
    @Test
    void legacySseClientBehindRoundRobinGetsEveryResponseExactlyOnce() {
        int port = cluster.balancer().port();
        try (EventStream stream = RawHttp.open(port, "GET", "/sse", Map.of("Accept", "text/event-stream"), null)) {
            String endpoint = stream.nextFrame(5_000).split("data: ")[1];
            Map<String, String> json = Map.of("Content-Type", "application/json");
            assertEquals(202, RawHttp.send(port, "POST", endpoint, json, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":"
                    + "\"initialize\",\"params\":{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"seed\",\"version\":\"1\"}}}").status());
            assertEquals(0, McpHttpSession.parse(stream.nextData(10_000)).getInt("id"));
            int[] seen = new int[201];
            for (int i = 1; i <= 200; i++) {
                assertEquals(202, RawHttp.send(port, "POST", endpoint, json, "{\"jsonrpc\":\"2.0\",\"id\":" + i
                        + ",\"method\":\"ping\"}").status(), "POST " + i);
            }
            for (int i = 1; i <= 200; i++) {
                String data = stream.nextData(10_000);
                assertTrue(data != null, "response " + i + " of 200 missing");
                seen[McpHttpSession.parse(data).getInt("id")]++;
            }
            assertEquals(null, stream.nextData(1_000), "no duplicate after the 200 responses");
            for (int i = 1; i <= 200; i++) {
                assertEquals(1, seen[i], "response to " + i);
            }
        }
    }

    @Test
    void conformanceSuitePassesThroughTheBalancer() {
        Processes.Result r = Conformance.run(cluster.balancer().url("/mcp"));
        Conformance.report("conformance default suite, 3 nodes through the balancer", r);
        assertTrue(r.output().contains("Total: 40 passed, 0 failed"), r.output());
    }

    @Test
    void nextConformanceSuitePassesEveryScenarioThat2025_11_25RequiresThroughTheBalancer() {
        Processes.Result r = Conformance.runRequirements(cluster.balancer().url("/mcp"), "2025-11-25");
        Conformance.Totals totals = Conformance.report("conformance " + Conformance.nextVersion()
                + " --requirements 2025-11-25, 3 nodes through the balancer", r);
        assertEquals(0, totals.failed(), r.output());
        assertTrue(totals.passed() > 0, r.output());
        assertEquals(0, r.exitCode(), r.output());
    }

    /**
     * The 2026-07-28 requirements through 3 nodes: every scored scenario and the unscored header and schema
     * ones pass although consecutive requests of one scenario (an input_required round and its retry, a
     * tools/list and the call it picks) land on different nodes.
     */
    @Test
    void nextConformanceSuitePassesEveryScenarioThat2026_07_28RequiresThroughTheBalancer() {
        Processes.Result r = Conformance.runRequirements(cluster.balancer().url("/mcp"), "2026-07-28");
        Conformance.report("conformance " + Conformance.nextVersion()
                + " --requirements 2026-07-28 (checks of all scenarios run, the unscored tasks extension included), "
                + "3 nodes through the balancer", r);
        assertEquals(37, Conformance.assertScenariosPass(r, Conformance.REQUIRED_2026_07_28));
        Conformance.assertScenariosPass(r, Conformance.UNSCORED_SERVED_2026_07_28);
        assertTrue(Conformance.failingScenarios(r).stream().allMatch(s -> s.startsWith("tasks-")),
                "only the unscored tasks extension may fail: " + Conformance.failingScenarios(r));
    }

    @Test
    void pendingConformanceSuitePassesThroughTheBalancerWithoutWarnings() {
        Processes.Result r = Conformance.runPending(cluster.balancer().url("/mcp"));
        assertTrue(r.output().contains("Total: 7 passed, 0 failed"), r.output());
        assertTrue(r.output().endsWith("warnings=0"), r.output());
    }

    @ParameterizedTest(name = "TypeScript SDK, {0}")
    @CsvSource({"streamable,/mcp", "sse,/sse"})
    void twentyConcurrentTypeScriptSessions(String transport, String path) {
        Processes.Result r = Processes.run(List.of("node", "tests-it/node/client.mjs", cluster.balancer().url(path),
                transport, "20", "20"), 240);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("ts-client OK transport=" + transport + " sessions=20 calls=400"), r.output());
    }

    @ParameterizedTest(name = "Java SDK, {0}")
    @ValueSource(strings = {"streamable", "sse"})
    void twentyConcurrentJavaSessions(String transport) {
        String base = cluster.balancer().url("");
        List<CompletableFuture<Integer>> sessions = IntStream.range(0, 20).mapToObj(n -> CompletableFuture.supplyAsync(() -> {
            var t = "sse".equals(transport) ? HttpClientSseClientTransport.builder(base).sseEndpoint("/sse").build()
                    : HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp").build();
            try (McpSyncClient client = McpClient.sync(t).requestTimeout(Duration.ofSeconds(30))
                    .clientInfo(new McpSchema.Implementation("java-" + n, "1")).build()) {
                client.initialize();
                for (int i = 0; i < 10; i++) {
                    int words = (n + i) % 5 + 1;
                    var r = client.callTool(new McpSchema.CallToolRequest("text_stats",
                            Map.of("text", "w ".repeat(words).trim())));
                    String text = ((McpSchema.TextContent) r.content().get(0)).text();
                    assertTrue(text.contains("\"words\":" + words), text);
                }
                return 10;
            }
        })).toList();
        CompletableFuture.allOf(sessions.toArray(CompletableFuture[]::new)).orTimeout(240, TimeUnit.SECONDS).join();
        assertEquals(200, sessions.stream().mapToInt(CompletableFuture::join).sum());
    }

    @Test
    void streamableRequestsSpreadOverAllNodesKeepOneSession() {
        McpHttpSession s = McpHttpSession.initialize(cluster.balancer().port(), "2025-11-25");
        for (int i = 0; i < 30; i++) {
            Map<String, String> h = new HashMap<>(s.headers());
            RawHttp.Response r = RawHttp.send(cluster.balancer().port(), "POST", "/mcp", h,
                    "{\"jsonrpc\":\"2.0\",\"id\":" + (i + 1) + ",\"method\":\"ping\"}");
            assertEquals(200, r.status(), r.body());
        }
    }
}
