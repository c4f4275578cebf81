package io.mcpcluster.it.single;

import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import io.mcpcluster.it.support.ResumeScenario;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, "An answer is lost without any failure at all", on one node: a client cuts a tool call's
 * POST stream after the first progress event and resumes it with GET + Last-Event-ID some time later,
 * before the tool has finished or after. The tool ({@code slow_count}, 2 steps of 500 ms) writes
 * nothing between the cut and its end, so the node may not notice the cut before it writes the
 * result; whenever the client resumes, the result must arrive exactly once.
 */
class CutStreamResumeIT {
    static NodeProcess node;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("cut-stream-resume", Map.of());
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @ParameterizedTest(name = "resumed {0} ms after the cut")
    @ValueSource(longs = {0, 200, 400, 400, 600, 1_000, 2_000})
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void resumingACutToolCallStreamDeliversItsResultExactlyOnce(long resumeAfterMillis) throws InterruptedException {
        McpHttpSession s = McpHttpSession.initialize(node.port(), "2025-11-25");
        String lastId;
        try (EventStream call = RawHttp.open(node.port(), "POST", "/mcp", s.headers(), "{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"slow_count\",\"arguments\":{\"n\":2,\"delayMs\":500},"
                + "\"_meta\":{\"progressToken\":\"t\"}}}")) {
            assertEquals(200, call.status());
            call.nextFrame(5_000);
            String first = call.nextFrame(5_000);
            assertTrue(first != null && first.contains("notifications/progress"), "first progress event: " + first);
            lastId = first.split("\n")[0].substring("id: ".length());
        }
        Thread.sleep(resumeAfterMillis);

        Map<String, String> h = new HashMap<>(s.headers());
        h.put("Accept", "text/event-stream");
        h.put("Last-Event-ID", lastId);
        try (EventStream resumed = RawHttp.open(node.port(), "GET", "/mcp", h, null)) {
            String refusal = resumed.status() == 200 ? "" : " " + resumed.remaining(1_000);
            assertEquals(200, resumed.status(), "resume " + resumeAfterMillis + " ms after the cut, Last-Event-ID "
                    + lastId + ", was refused:" + refusal);
            List<JsonObject> results = ResumeScenario.drain(resumed).stream().map(e -> McpHttpSession.parse(e[1]))
                    .filter(m -> !m.containsKey("method")).toList();
            assertEquals(1, results.size(), "the result of request 1 exactly once: " + results);
            assertEquals("Counted to 2", results.get(0).getJsonObject("result").getJsonArray("content")
                    .getJsonObject(0).getString("text"));
        }
    }
}
