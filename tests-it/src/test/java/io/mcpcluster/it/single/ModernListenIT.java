package io.mcpcluster.it.single;

import io.mcpcluster.it.support.ListenStream;
import io.mcpcluster.it.support.ModernHttp;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.mcpcluster.it.support.ModernHttp.callTool;
import static io.mcpcluster.it.support.ListenStream.subscriptionIdOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MCP 2026-07-28 {@code subscriptions/listen} on one real node, over raw HTTP: the acknowledgement comes
 * first, each stream carries only what its filter asks for, every message is tagged with the subscription
 * id, quiet streams get keep-alive comments, a stream the client closes is unregistered, and stopping the
 * node ends every stream with the final {@code resultType: complete} response (the last test), which the
 * TypeScript SDK v2 client ({@code tests-it/node/v2/listen.mjs}) reports as a graceful end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModernListenIT {
    private static final String TOOLS = "notifications/tools/list_changed";
    private static final String PROMPTS = "notifications/prompts/list_changed";
    private static final String RESOURCES = "notifications/resources/list_changed";
    private static final String UPDATED = "notifications/resources/updated";
    static NodeProcess node;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("modern-listen", Map.of("mcp.sse.keepalive.millis", "400"));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static JsonObject assertAcknowledged(ListenStream stream, String id, String filter) {
        JsonObject ack = stream.next(10_000);
        assertEquals("notifications/subscriptions/acknowledged", ack.getString("method"), "first: " + ack);
        assertEquals(id, subscriptionIdOf(ack));
        assertEquals(McpHttpSession.parse(filter), ack.getJsonObject("params").getJsonObject("notifications"),
                "every requested type is honoured, and only those: " + ack);
        return ack;
    }

    private static Set<String> methodsOf(List<JsonObject> messages) {
        return messages.stream().map(m -> m.getString("method") + (m.getJsonObject("params").containsKey("uri")
                ? " " + m.getJsonObject("params").getString("uri") : "")).collect(Collectors.toSet());
    }

    /** The node's count of open listen streams once it is {@code expected}, or as it is after 10 s. */
    private static int listenStreamsOnceAt(int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            int open = McpHttpSession.parse(RawHttp.send(node.port(), "GET", "/health", NodeProcess.HEALTH_DETAILS, null).body())
                    .getInt("listenStreams");
            if (open == expected || System.currentTimeMillis() > deadline) {
                return open;
            }
            Thread.sleep(100);
        }
    }

    @Test
    @Order(1)
    void eachStreamIsAcknowledgedFirstAndCarriesOnlyWhatItsFilterAsksTaggedWithItsId() {
        String toolsAndWatched = "{\"toolsListChanged\":true,\"resourceSubscriptions\":[\"test://watched-resource\"]}";
        String promptsOnly = "{\"promptsListChanged\":true}";
        try (ListenStream a = ListenStream.open(node.port(), "\"a-1\"", toolsAndWatched);
             ListenStream b = ListenStream.open(node.port(), "42", promptsOnly)) {
            assertAcknowledged(a, "\"a-1\"", toolsAndWatched);
            assertAcknowledged(b, "42", promptsOnly);
            callTool(node.port(), "test_trigger_prompt_change", "{}");
            callTool(node.port(), "test_trigger_resource_update", "{\"uri\":\"test://not-subscribed\"}");
            callTool(node.port(), "test_trigger_resource_list_change", "{}");
            callTool(node.port(), "test_trigger_tool_change", "{}");
            callTool(node.port(), "test_trigger_resource_update", "{\"uri\":\"test://watched-resource\"}");

            List<JsonObject> toA = a.next(2, 10_000);
            toA.forEach(m -> assertEquals("\"a-1\"", subscriptionIdOf(m)));
            assertEquals(Set.of(TOOLS, UPDATED + " test://watched-resource"), methodsOf(toA));
            JsonObject toB = b.next(10_000);
            assertEquals(PROMPTS, toB.getString("method"), toB.toString());
            assertEquals("42", subscriptionIdOf(toB));
            assertEquals(List.of(), a.within(1_500), "nothing a did not ask for");
            assertEquals(List.of(), b.within(500), "nothing b did not ask for");
        }
    }

    @Test
    @Order(2)
    void aStreamAskingForEveryListHearsEachChangeOnce() {
        String all = "{\"toolsListChanged\":true,\"promptsListChanged\":true,\"resourcesListChanged\":true}";
        try (ListenStream s = ListenStream.open(node.port(), "7", all)) {
            assertAcknowledged(s, "7", all);
            callTool(node.port(), "test_trigger_tool_change", "{}");
            callTool(node.port(), "test_trigger_prompt_change", "{}");
            callTool(node.port(), "test_trigger_resource_list_change", "{}");
            assertEquals(Set.of(TOOLS, PROMPTS, RESOURCES), methodsOf(s.next(3, 10_000)));
            assertEquals(List.of(), s.within(1_500));
        }
    }

    @Test
    @Order(3)
    void aMissingFilterIsInvalidParamsAndNoStreamIsOpened() {
        RawHttp.Response r = RawHttp.send(node.port(), "POST", "/mcp", ModernHttp.headers("subscriptions/listen", null),
                ListenStream.body("9", null));
        assertEquals("application/json", r.header("Content-Type").split(";")[0], r.body());
        JsonObject answer = McpHttpSession.parse(r.body());
        assertEquals(-32602, answer.getJsonObject("error").getInt("code"), r.body());
        assertEquals(9, answer.getInt("id"));
    }

    @Test
    @Order(4)
    void aQuietStreamGetsKeepAliveCommentsAndClosingItUnregistersIt() throws InterruptedException {
        assertEquals(0, listenStreamsOnceAt(0), "the streams of the tests before are closed and unregistered");
        try (ListenStream s = ListenStream.open(node.port(), "11", "{\"toolsListChanged\":true}")) {
            s.next(10_000);
            assertTrue(s.nextFrame(5_000).startsWith(":"), "a comment frame keeps the quiet stream open");
            assertEquals(1, listenStreamsOnceAt(1));
        }
        assertEquals(0, listenStreamsOnceAt(0), "the next keep-alive finds the connection closed and unregisters it");
    }

    @Test
    @Order(5)
    void stoppingTheNodeEndsEveryStreamWithACompleteResponseThatTheTypeScriptClientCallsGraceful()
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("ts2-listen", ".txt");
        Process tsClient = new ProcessBuilder("node", "tests-it/node/v2/listen.mjs", "until-stopped", node.url("/mcp"))
                .directory(NodeProcess.root().toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try (ListenStream a = ListenStream.open(node.port(), "\"end-a\"", "{\"toolsListChanged\":true}");
             ListenStream b = ListenStream.open(node.port(), "12", "{\"resourceSubscriptions\":[\"test://x\"]}")) {
            a.next(10_000);
            b.next(10_000);
            long deadline = System.currentTimeMillis() + 30_000;
            while (!Files.readString(out).contains("LISTENING") && tsClient.isAlive()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Files.readString(out).contains("LISTENING"), Files.readString(out));
            node.close(); // SIGTERM: the node stops as an orchestrator would stop it
            for (ListenStream s : List.of(a, b)) {
                JsonObject last = s.next(10_000);
                assertTrue(last != null && last.containsKey("result"), "the final response: " + last);
                assertEquals("complete", last.getJsonObject("result").getString("resultType"), last.toString());
                assertEquals(last.get("id").toString(), subscriptionIdOf(last), "tagged with its own id");
                assertTrue(s.awaitEnd(5_000), "then the stream ends");
            }
            assertTrue(tsClient.waitFor(20, TimeUnit.SECONDS), "the TypeScript client saw its subscription end");
            assertTrue(Files.readString(out).contains("ts2-listen OK mode=until-stopped closed=graceful"),
                    Files.readString(out));
        } finally {
            tsClient.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }
}
