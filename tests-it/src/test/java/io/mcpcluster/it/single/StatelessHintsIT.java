package io.mcpcluster.it.single;

import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.ModernHttp;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a 2026-07-28 request carries beside its answer, on a real node: the W3C {@code traceparent} of its
 * {@code _meta} in the log lines of that request, and the {@code ttlMs} / {@code cacheScope} of list and
 * read results taken from the features' {@code @CacheHint} (the demo notes: 5 min public, the readme
 * 1 h public) or, without one, from {@code mcp.cache.ttl.millis} (5 s here) and {@code mcp.cache.scope}.
 */
class StatelessHintsIT {
    private static final String FIELDS = ModernHttp.FIELDS;
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    static NodeProcess node;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("stateless-hints", Map.of("mcp.cache.ttl.millis", "5000"));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static JsonObject result(String method, String name, String params, int id) {
        RawHttp.Response r = RawHttp.send(node.port(), "POST", "/mcp", ModernHttp.headers(method, name),
                ModernHttp.body(id, method, params));
        assertEquals(200, r.status(), r.body());
        List<JsonObject> messages = McpHttpSession.messages(r);
        JsonObject last = messages.get(messages.size() - 1);
        assertTrue(last.containsKey("result"), r.body());
        return last.getJsonObject("result");
    }

    private static void assertCaching(long ttlMs, String scope, JsonObject result) {
        assertEquals(ttlMs, result.getJsonNumber("ttlMs").longValue(), result.toString());
        assertEquals(scope, result.getString("cacheScope"), result.toString());
    }

    private static JsonObject read(String uri, int id) {
        return result("resources/read", uri, "{\"uri\":\"" + uri + "\",\"_meta\":{" + FIELDS + "}}", id);
    }

    @Test
    void aReadCarriesTheHintOfItsResourceOrTemplateElseTheConfiguredDefault() {
        assertCaching(3_600_000, "public", read("demo://readme", 1));
        assertCaching(300_000, "public", read("demo://notes/architecture", 2));
        assertCaching(5_000, "private", read("test://static-text", 3));
    }

    @Test
    void aListCarriesTheShortestTimeOfItsEntriesAndIsPublicOnlyWhenAllAre() {
        JsonObject prompts = result("prompts/list", null, "{\"_meta\":{" + FIELDS + "}}", 4);
        assertTrue(prompts.toString().contains("explain_topic"), "a public entry among private ones");
        assertCaching(5_000, "private", prompts);
        assertCaching(5_000, "private", result("tools/list", null, "{\"_meta\":{" + FIELDS + "}}", 5));
    }

    @Test
    void theTraceparentOfMetaIsInTheLogLinesOfItsRequest() throws IOException, InterruptedException {
        String params = "{\"name\":\"traced_add\",\"arguments\":{\"a\":2,\"b\":3},\"_meta\":{\"traceparent\":\""
                + TRACEPARENT + "\"," + FIELDS + "}}";
        JsonObject r = result("tools/call", "traced_add", params, 77);
        assertTrue(r.getJsonArray("content").getJsonObject(0).getString("text").contains("\"sum\":5"), r.toString());
        List<String> expected = List.of("call null 77 start node=", "call null 77 end node=",
                "tools/call (id 77) trace=" + TRACEPARENT + " answered in ");
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && !allTraced(expected)) {
            Thread.sleep(50);
        }
        assertTrue(allTraced(expected), "every line of request 77 names its trace:\n" + Files.readString(node.log()));
        String untraced = params.replace("\"traceparent\":\"" + TRACEPARENT + "\",", "");
        result("tools/call", "traced_add", untraced, 78);
        assertTrue(Files.readString(node.log()).lines().filter(l -> l.contains("call null 78 "))
                .noneMatch(l -> l.contains("trace=")), "an untraced request logs no trace");
    }

    private static boolean allTraced(List<String> markers) throws IOException {
        List<String> lines = Files.readString(node.log()).lines().toList();
        return markers.stream().allMatch(m -> lines.stream().anyMatch(l -> l.contains(m) && l.contains(TRACEPARENT)));
    }
}
