package io.mcpcluster.it.single;

import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.ModernHttp;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.mcpcluster.it.support.ModernHttp.body;
import static io.mcpcluster.it.support.ModernHttp.headers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input on the stateless 2026-07-28 path of a real node, over raw HTTP: malformed {@code _meta},
 * garbage and oversize headers, {@code Mcp-Param-*} headers that are missing, differ or are not valid
 * base64, a huge {@code requestState}, a session id beside modern {@code _meta}. Each is a 4xx with a
 * JSON-RPC error and a line in the node's log, never a 5xx; a bystander's call goes on meanwhile, and
 * after every test both eras are still served.
 */
class StatelessBadInputIT {
    private static final String V = ModernHttp.VERSION;
    private static final String FIELDS = ModernHttp.FIELDS;
    private static final String META = ModernHttp.META;
    private static final String HEADER_TOOL = "test_header_param";
    static NodeProcess node;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("stateless-bad-input", Map.of());
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @AfterEach
    void bothErasStillServed() {
        ModernHttp.assertBothErasServed(node.port());
    }

    private static RawHttp.Response post(Map<String, String> headers, String body) {
        return RawHttp.send(node.port(), "POST", "/mcp", headers, body);
    }

    /** A 4xx whose body is a JSON-RPC error {@code code} for {@code id} (null: the body was never read). */
    private static JsonObject assertRefused(RawHttp.Response r, int status, int code, Integer id) {
        assertEquals(status, r.status(), r.body());
        JsonObject answer = McpHttpSession.parse(r.body());
        assertEquals(code, answer.getJsonObject("error").getInt("code"), r.body());
        if (id == null) {
            assertTrue(answer.isNull("id"), r.body());
        } else {
            assertEquals(id, answer.getInt("id"), r.body());
        }
        return answer.getJsonObject("error");
    }

    private static long logLines(String marker) throws IOException {
        return Files.readString(node.log()).lines().filter(l -> l.contains(marker)).count();
    }

    /** Waits until the node's log holds at least {@code count} lines with {@code marker}. */
    private static void awaitLogLines(String marker, long count) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (logLines(marker) < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(logLines(marker) >= count, count + " log lines with '" + marker + "', found " + logLines(marker));
    }

    @Test
    void malformedMetaIsInvalidParamsAndLogged() throws IOException, InterruptedException {
        String marker = "POST /mcp -> 400 -32602";
        long before = logLines(marker);
        List<String> metas = List.of("\"_meta\":\"not an object\"",
                "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":20260728,"
                        + "\"io.modelcontextprotocol/clientCapabilities\":{}}",
                "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + V + "\","
                        + "\"io.modelcontextprotocol/clientCapabilities\":[1,2]}",
                "\"_meta\":{" + FIELDS + ",\"io.modelcontextprotocol/clientInfo\":\"me\"}",
                "\"_meta\":{" + FIELDS + ",\"io.modelcontextprotocol/logLevel\":7}",
                "\"_meta\":{" + FIELDS + ",\"progressToken\":{\"nested\":true}}");
        int id = 200;
        for (String meta : metas) {
            assertRefused(post(headers("tools/list", null), body(++id, "tools/list", "{" + meta + "}")), 400, -32602, id);
        }
        awaitLogLines(marker, before + metas.size());
    }

    @Test
    void oversizeHeadersAreRefusedAsJsonRpcByTheContainer() throws IOException, InterruptedException {
        String marker = "refused by the container";
        long before = logLines(marker);
        String huge = "a".repeat(100_000);
        Map<String, String> method = headers(huge, null);
        assertRefused(post(method, body(210, "tools/list", "{" + META + "}")), 431, -32600, null);
        Map<String, String> name = headers("tools/call", huge);
        assertRefused(post(name, body(211, "tools/call", "{\"name\":\"test_simple_text\"," + META + "}")),
                431, -32600, null);
        awaitLogLines(marker, before + 2);
    }

    @Test
    void garbageHeaderValuesAreHeaderMismatch() throws IOException, InterruptedException {
        String marker = "POST /mcp -> 400 -32020";
        long before = logLines(marker);
        String call = "{\"name\":\"test_simple_text\",\"arguments\":{}," + META + "}";
        assertRefused(post(headers("tools/call", "=?base64?dGVzdF9zaW1wbGVfdGV4dA?=" /* no padding */),
                body(220, "tools/call", call)), 400, -32020, 220);
        assertRefused(post(headers("tools/call", "=?base64?dGVz!!!dA==?="), body(221, "tools/call", call)),
                400, -32020, 221);
        assertRefused(post(headers("tools/call", "tést_simple_text"), body(222, "tools/call", call)), 400, -32020, 222);
        awaitLogLines(marker, before + 3);
        // A control character does not even parse as HTTP: the container refuses it, still as JSON-RPC.
        long container = logLines("refused by the container");
        assertRefused(post(headers("tools/list\u0001", null), body(223, "tools/list", "{" + META + "}")),
                400, -32600, null);
        awaitLogLines("refused by the container", container + 1);
    }

    /** A call of the fixture whose {@code region} (and optional {@code priority}) are mirrored in headers. */
    private static RawHttp.Response callHeaderTool(String arguments, Map<String, String> params, int id) {
        Map<String, String> h = headers("tools/call", HEADER_TOOL);
        h.putAll(params);
        return post(h, body(id, "tools/call", "{\"name\":\"" + HEADER_TOOL + "\",\"arguments\":" + arguments + ","
                + META + "}"));
    }

    private static String text(RawHttp.Response r) {
        assertEquals(200, r.status(), r.body());
        List<JsonObject> messages = McpHttpSession.messages(r);
        return messages.get(messages.size() - 1).getJsonObject("result").getJsonArray("content").getJsonObject(0)
                .getString("text");
    }

    @Test
    void mcpParamHeadersMustMirrorTheMarkedArguments() {
        String encoded = "=?base64?" + Base64.getEncoder().encodeToString(" Zürich ".getBytes(StandardCharsets.UTF_8))
                + "?=";
        assertEquals("region=eu-west", text(callHeaderTool("{\"region\":\"eu-west\"}",
                Map.of("mcp-param-region", " eu-west "), 230)));
        assertEquals("region= Zürich ", text(callHeaderTool("{\"region\":\" Zürich \"}",
                Map.of("Mcp-Param-Region", encoded), 231)));
        assertEquals("region=x priority=7", text(callHeaderTool("{\"region\":\"x\",\"priority\":7}",
                Map.of("Mcp-Param-Region", "x", "MCP-PARAM-PRIORITY", "7.0"), 232)), "integers compare by value");
        assertRefused(callHeaderTool("{\"region\":\"eu-west\"}", Map.of(), 233), 400, -32020, 233);
        assertRefused(callHeaderTool("{\"region\":\"eu-west\"}", Map.of("Mcp-Param-Region", "us-east"), 234),
                400, -32020, 234);
        assertRefused(callHeaderTool("{\"region\":\"x\"}", Map.of("Mcp-Param-Region", "x", "Mcp-Param-Priority", "1"),
                235), 400, -32020, 235);
        assertRefused(callHeaderTool("{\"region\":\"Hello\"}", Map.of("Mcp-Param-Region", "=?base64?SGVsbG8?="), 236),
                400, -32020, 236);
        assertRefused(callHeaderTool("{\"region\":\"x\",\"priority\":7}",
                Map.of("Mcp-Param-Region", "x", "Mcp-Param-Priority", "seven"), 237), 400, -32020, 237);
    }

    @Test
    void aMegabyteRequestStateIsRefusedWithoutBeingDecoded() throws IOException, InterruptedException {
        String marker = "POST /mcp -> 400 -32602 Invalid requestState";
        long before = logLines(marker);
        String state = "A".repeat(1024 * 1024);
        RawHttp.Response r = post(headers("tools/call", "test_input_required_result_elicitation"),
                body(240, "tools/call", "{\"name\":\"test_input_required_result_elicitation\",\"arguments\":{},"
                        + "\"requestState\":\"" + state + "\"," + META + "}"));
        assertTrue(assertRefused(r, 400, -32602, 240).getString("message").contains("requestState"), r.body());
        awaitLogLines(marker, before + 1);
    }

    @Test
    void aSessionIdBesideModernMetaTakesTheSessionPathAndIsRefused() {
        Map<String, String> unknown = headers("tools/list", null);
        unknown.remove("MCP-Protocol-Version");
        unknown.put("Mcp-Session-Id", "no-such-session");
        RawHttp.Response r = post(unknown, body(250, "tools/list", "{" + META + "}"));
        assertEquals(404, r.status(), r.body());
        assertTrue(McpHttpSession.parse(r.body()).containsKey("error"), r.body());
        Map<String, String> live = headers("tools/list", null);
        live.put("Mcp-Session-Id", McpHttpSession.initialize(node.port(), "2025-11-25").id());
        RawHttp.Response mixed = post(live, body(251, "tools/list", "{" + META + "}"));
        assertEquals(400, mixed.status(), mixed.body());
        assertTrue(McpHttpSession.parse(mixed.body()).containsKey("error"), mixed.body());
    }

    @Test
    void aBystandersCallGoesOnThroughABarrageOfBadInput() {
        String params = "{\"name\":\"slow_count\",\"arguments\":{\"n\":40,\"delayMs\":50},\"_meta\":"
                + "{\"progressToken\":\"b\"," + FIELDS + "}}";
        try (EventStream bystander = RawHttp.open(node.port(), "POST", "/mcp", headers("tools/call", "slow_count"),
                body(260, "tools/call", params))) {
            assertNotNull(bystander.nextData(10_000), "the bystander's first progress");
            for (int i = 0; i < 20; i++) {
                assertEquals(400, post(headers("tools/list", null), body(300 + i, "tools/list",
                        "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":[]}}")).status());
                assertEquals(431, post(headers("x".repeat(20_000), null), body(400 + i, "tools/list", "{" + META + "}"))
                        .status());
                assertEquals(400, post(headers("tools/list", null), "{\"jsonrpc\":").status());
            }
            String last = null;
            for (String data = bystander.nextData(20_000); data != null; data = bystander.nextData(20_000)) {
                last = data;
                if (McpHttpSession.parse(data).containsKey("result")) {
                    break;
                }
            }
            assertNotNull(last, "the bystander's stream ended without its result");
            assertEquals("Counted to 40", McpHttpSession.parse(last).getJsonObject("result").getJsonArray("content")
                    .getJsonObject(0).getString("text"));
        }
    }
}
