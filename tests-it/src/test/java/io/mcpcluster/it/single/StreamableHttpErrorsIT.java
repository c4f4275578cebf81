package io.mcpcluster.it.single;

import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every refusal of the Streamable HTTP endpoint, driven with raw HTTP against a real node: the status,
 * the JSON-RPC error in the body, and afterwards a healthy session of another client still answers.
 */
class StreamableHttpErrorsIT {
    static NodeProcess node;
    McpHttpSession bystander;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("streamable-errors", Map.of("mcp.max.body.bytes", "65536", "mcp.page.size", "5"));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @BeforeEach
    void openBystander() {
        bystander = McpHttpSession.initialize(node.port(), "2025-11-25");
    }

    @AfterEach
    void bystanderStillServed() {
        assertTrue(bystander.answersPing(), "another session must still be served");
    }

    private RawHttp.Response post(Map<String, String> headers, String body) {
        return RawHttp.send(node.port(), "POST", "/mcp", headers, body);
    }

    private static void assertError(RawHttp.Response r, int status, int code) {
        assertEquals(status, r.status(), r.body());
        JsonObject error = McpHttpSession.parse(r.body()).getJsonObject("error");
        assertEquals(code, error.getInt("code"), r.body());
        assertTrue(!error.getString("message").isBlank());
    }

    @Test
    void initializeIssuesAnUnguessableVisibleAsciiSessionId() {
        RawHttp.Response r = post(McpHttpSession.headers(null), "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        assertEquals(200, r.status());
        String id = r.header("Mcp-Session-Id");
        assertTrue(id.matches("[\\x21-\\x7e]{22,}"), id);
        assertEquals("2025-06-18", McpHttpSession.parse(r.body()).getJsonObject("result").getString("protocolVersion"));
    }

    @Test
    void unknownProtocolVersionInInitializeIsAnsweredWithTheLatest() {
        RawHttp.Response r = post(McpHttpSession.headers(null), "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"1999-01-01\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        assertEquals("2025-11-25", McpHttpSession.parse(r.body()).getJsonObject("result").getString("protocolVersion"));
    }

    @Test
    void rejectsPostWithoutEventStreamInAcceptWith406() {
        Map<String, String> h = bystander.headers();
        h.put("Accept", "application/json");
        assertError(post(h, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"), 406, -32000);
    }

    @Test
    void rejectsNonJsonBodyWith415() {
        Map<String, String> h = bystander.headers();
        h.put("Content-Type", "text/plain");
        assertError(post(h, "ping"), 415, -32000);
    }

    @Test
    void rejectsRequestWithoutSessionIdWith400() {
        assertError(post(McpHttpSession.headers(null), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"), 400, -32000);
    }

    @Test
    void rejectsUnknownSessionWith404() {
        assertError(post(McpHttpSession.headers("no-such-session"), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"),
                404, -32001);
    }

    @Test
    void rejectsUnsupportedProtocolVersionHeaderWith400() {
        Map<String, String> h = bystander.headers();
        h.put("MCP-Protocol-Version", "2023-01-01");
        assertError(post(h, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"), 400, -32000);
    }

    @Test
    void acceptsAnySupportedProtocolVersionHeader() {
        Map<String, String> h = bystander.headers();
        h.put("MCP-Protocol-Version", "2025-03-26");
        assertEquals(200, post(h, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").status());
    }

    @Test
    void answersNotificationsOnlyPostWith202AndNoBody() {
        RawHttp.Response r = bystander.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/roots/list_changed\"}");
        assertEquals(202, r.status());
        assertEquals("", r.body());
    }

    @Test
    void rejectsMalformedJsonWith400AndParseError() {
        assertError(bystander.post("{\"jsonrpc\":\"2.0\",\"id\":1,"), 400, -32700);
    }

    @Test
    void rejectsMessageThatIsNotJsonRpcWith400AndInvalidRequest() {
        assertError(bystander.post("{\"id\":1,\"method\":\"ping\"}"), 400, -32600);
        assertError(bystander.post("{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"ping\"}"), 400, -32600);
    }

    @Test
    void rejectsBatchUnder2025_06_18() {
        McpHttpSession s = McpHttpSession.initialize(node.port(), "2025-06-18");
        assertError(s.post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"), 400, -32600);
    }

    @Test
    void answersEveryRequestOfABatchUnder2025_03_26() {
        McpHttpSession s = McpHttpSession.initialize(node.port(), "2025-03-26");
        RawHttp.Response r = s.post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/roots/list_changed\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}]");
        assertEquals(200, r.status());
        var ids = McpHttpSession.messages(r).stream().map(m -> m.getInt("id")).sorted().toList();
        assertEquals(java.util.List.of(1, 2), ids);
    }

    @Test
    void answersUnknownMethodWithMethodNotFound() {
        assertEquals(-32601, bystander.request("no/such/method", "{}").getJsonObject("error").getInt("code"));
    }

    @Test
    void answersUnknownToolWithInvalidParams() {
        JsonObject r = bystander.request("tools/call", "{\"name\":\"no_such_tool\",\"arguments\":{}}");
        assertEquals(-32602, r.getJsonObject("error").getInt("code"));
    }

    @Test
    void answersArgumentOfWrongTypeWithInvalidParamsNamingIt() {
        JsonObject r = bystander.request("tools/call", "{\"name\":\"convert_temperature\",\"arguments\":"
                + "{\"value\":\"hot\",\"from\":\"CELSIUS\",\"to\":\"KELVIN\"}}");
        assertEquals(-32602, r.getJsonObject("error").getInt("code"));
        assertTrue(r.getJsonObject("error").getString("message").contains("value"));
    }

    @Test
    void answersMissingRequiredArgumentWithInvalidParams() {
        JsonObject r = bystander.request("tools/call", "{\"name\":\"text_stats\",\"arguments\":{}}");
        assertEquals(-32602, r.getJsonObject("error").getInt("code"));
    }

    @Test
    void reportsToolFailureAsResultWithIsError() {
        JsonObject r = bystander.request("tools/call", "{\"name\":\"test_error_handling\"}");
        assertTrue(r.getJsonObject("result").getBoolean("isError"));
    }

    @Test
    void answersUnknownResourceWithResourceNotFound() {
        JsonObject r = bystander.request("resources/read", "{\"uri\":\"test://nothing-here\"}");
        assertEquals(-32002, r.getJsonObject("error").getInt("code"));
    }

    @Test
    void answersInvalidLogLevelWithInvalidParams() {
        JsonObject r = bystander.request("logging/setLevel", "{\"level\":\"loud\"}");
        assertEquals(-32602, r.getJsonObject("error").getInt("code"));
    }

    @Test
    void pagesToolListWithOpaqueCursorAndRejectsForgedCursor() {
        JsonObject first = bystander.request("tools/list", null).getJsonObject("result");
        assertEquals(5, first.getJsonArray("tools").size());
        String cursor = first.getString("nextCursor");
        int total = 5;
        for (int pages = 1; cursor != null; pages++) {
            assertTrue(pages < 100, "the cursors never end: " + cursor);
            JsonObject page = bystander.request("tools/list", "{\"cursor\":\"" + cursor + "\"}").getJsonObject("result");
            total += page.getJsonArray("tools").size();
            cursor = page.getString("nextCursor", null);
        }
        assertTrue(total > 5);
        JsonObject forged = bystander.request("tools/list", "{\"cursor\":\"not-a-cursor\"}");
        assertEquals(-32602, forged.getJsonObject("error").getInt("code"));
    }

    @Test
    void rejectsForeignOriginWith403() {
        Map<String, String> h = McpHttpSession.headers(null);
        h.put("Origin", "http://evil.example.com");
        assertError(post(h, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{}}"), 403, -32000);
    }

    @Test
    void rejectsForeignHostWith403() {
        Map<String, String> h = McpHttpSession.headers(null);
        h.put("Host", "evil.example.com");
        assertError(post(h, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{}}"), 403, -32000);
    }

    @Test
    void acceptsLoopbackOriginWithPort() {
        Map<String, String> h = bystander.headers();
        h.put("Origin", "http://localhost:3000");
        assertEquals(200, post(h, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").status());
    }

    @Test
    void rejectsBodyLargerThanLimitWith413() {
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(70_000) + "\"}}";
        assertError(bystander.post(big), 413, -32600);
    }

    @Test
    void rejectsChunkedBodyLargerThanLimitWith413() {
        Map<String, String> h = bystander.headers();
        h.put("Transfer-Encoding", "chunked");
        String payload = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(70_000) + "\"}}";
        String chunked = Integer.toHexString(payload.length()) + "\r\n" + payload + "\r\n0\r\n\r\n";
        RawHttp.Response r = RawHttp.send(node.port(), "POST", "/mcp", h, chunked);
        assertEquals(413, r.status(), r.body());
    }

    @Test
    void rejectsSecondStandaloneStreamWith409() {
        Map<String, String> h = bystander.headers();
        h.put("Accept", "text/event-stream");
        try (var first = RawHttp.open(node.port(), "GET", "/mcp", h, null)) {
            assertEquals(200, first.status());
            assertError(RawHttp.send(node.port(), "GET", "/mcp", h, null), 409, -32000);
        }
    }

    @Test
    void rejectsGetWithoutEventStreamInAcceptWith406() {
        Map<String, String> h = bystander.headers();
        h.put("Accept", "application/json");
        assertError(RawHttp.send(node.port(), "GET", "/mcp", h, null), 406, -32000);
    }

    @Test
    void rejectsResumeWithUnknownLastEventIdWith404() {
        Map<String, String> h = bystander.headers();
        h.put("Accept", "text/event-stream");
        h.put("Last-Event-ID", "forged.12");
        assertError(RawHttp.send(node.port(), "GET", "/mcp", h, null), 404, -32600);
    }

    @Test
    void deleteEndsTheSessionItsStreamAndLaterRequestsGet404() {
        McpHttpSession s = McpHttpSession.initialize(node.port(), "2025-11-25");
        Map<String, String> h = s.headers();
        h.put("Accept", "text/event-stream");
        try (var stream = RawHttp.open(node.port(), "GET", "/mcp", h, null)) {
            assertEquals(200, stream.status());
            assertEquals(200, RawHttp.send(node.port(), "DELETE", "/mcp", s.headers(), null).status());
            assertTrue(stream.awaitEnd(5_000), "the open stream must be closed by DELETE");
        }
        assertError(s.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"), 404, -32001);
        assertError(RawHttp.send(node.port(), "DELETE", "/mcp", s.headers(), null), 404, -32001);
    }

    @Test
    void rejectsDeleteWithoutSessionIdWith405() {
        assertError(RawHttp.send(node.port(), "DELETE", "/mcp", McpHttpSession.headers(null), null), 405, -32000);
    }
}
