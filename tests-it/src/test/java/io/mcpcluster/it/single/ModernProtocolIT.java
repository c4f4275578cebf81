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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.mcpcluster.it.support.ModernHttp.body;
import static io.mcpcluster.it.support.ModernHttp.headers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MCP 2026-07-28 beside the 2025 sessions on the same {@code /mcp}, over raw HTTP against a real node:
 * {@code server/discover}, the header rules and their error codes, removed methods, stateless calls
 * answered on the POST's own response, and bad input answered 4xx with a JSON-RPC error. After every
 * test a 2025 session and a 2026 discover are still served.
 */
class ModernProtocolIT {
    private static final String V = ModernHttp.VERSION;
    private static final String META = ModernHttp.META;
    static NodeProcess node;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("modern-protocol", Map.of());
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

    private static RawHttp.Response call(String method, String name, String params, int id) {
        return post(headers(method, name), body(id, method, params));
    }

    private static JsonObject assertError(RawHttp.Response r, int status, int code, int id) {
        assertEquals(status, r.status(), r.body());
        JsonObject answer = McpHttpSession.parse(r.body());
        assertEquals(code, answer.getJsonObject("error").getInt("code"), r.body());
        assertEquals(id, answer.getInt("id"), "the error answers the request's id: " + r.body());
        return answer.getJsonObject("error");
    }

    private static JsonObject result(RawHttp.Response r) {
        assertEquals(200, r.status(), r.body());
        List<JsonObject> messages = McpHttpSession.messages(r);
        JsonObject last = messages.get(messages.size() - 1);
        assertTrue(last.containsKey("result"), r.body());
        return last.getJsonObject("result");
    }

    @Test
    void discoverNamesVersionsCapabilitiesAndServerWithoutOpeningASession() {
        RawHttp.Response r = call("server/discover", null, "{" + META + "}", 7);
        JsonObject result = result(r);
        assertNull(r.header("Mcp-Session-Id"), "no session in the 2026 era");
        assertTrue(result.getJsonArray("supportedVersions").getString(0).equals(V), r.body());
        assertTrue(result.getJsonObject("capabilities").containsKey("tools"));
        assertTrue(result.getJsonObject("capabilities").containsKey("prompts"));
        assertEquals("complete", result.getString("resultType"));
        assertFalse(result.getJsonObject("_meta").getJsonObject("io.modelcontextprotocol/serverInfo")
                .getString("name").isBlank());
    }

    @Test
    void protocolVersionHeaderDifferentFromMetaIsHeaderMismatch() {
        Map<String, String> h = headers("server/discover", null);
        h.put("MCP-Protocol-Version", "2025-11-25");
        assertError(post(h, body(11, "server/discover", "{" + META + "}")), 400, -32020, 11);
        h.remove("MCP-Protocol-Version");
        assertError(post(h, body(12, "server/discover", "{" + META + "}")), 400, -32020, 12);
    }

    @Test
    void unsupportedVersionListsSupportedAndEchoesRequested() {
        Map<String, String> h = headers("server/discover", null);
        h.put("MCP-Protocol-Version", "1900-01-01");
        JsonObject error = assertError(post(h, body(13, "server/discover", "{" + META.replace(V, "1900-01-01") + "}")),
                400, -32022, 13);
        assertEquals("1900-01-01", error.getJsonObject("data").getString("requested"));
        assertTrue(error.getJsonObject("data").getJsonArray("supported").toString().contains(V));
    }

    @Test
    void missingMetaFieldsAreInvalidParams() {
        assertError(call("tools/list", null, "{}", 21), 400, -32602, 21);
        assertError(call("tools/list", null, "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + V
                + "\"}}", 22), 400, -32602, 22);
    }

    @Test
    void mcpMethodAndMcpNameMustMatchTheBody() {
        Map<String, String> h = headers("prompts/list", null);
        assertError(post(h, body(31, "tools/list", "{" + META + "}")), 400, -32020, 31);
        h.remove("Mcp-Method");
        assertError(post(h, body(32, "tools/list", "{" + META + "}")), 400, -32020, 32);
        String args = "{\"name\":\"test_simple_text\",\"arguments\":{}," + META + "}";
        assertError(call("tools/call", "other_tool", args, 33), 400, -32020, 33);
        assertError(call("tools/call", null, args, 34), 400, -32020, 34);
        assertError(post(headers("TOOLS/CALL", "test_simple_text"), body(35, "tools/call", args)), 400, -32020, 35);
    }

    @Test
    void headerNamesAnyCaseAndBase64NamesAreAccepted() {
        Map<String, String> h = new LinkedHashMap<>(McpHttpSession.headers(null));
        h.put("mcp-protocol-version", V);
        h.put("MCP-METHOD", "tools/call");
        h.put("mcp-name", "=?base64?" + Base64.getEncoder().encodeToString("test_simple_text"
                .getBytes(StandardCharsets.UTF_8)) + "?=");
        JsonObject r = result(post(h, body(41, "tools/call", "{\"name\":\"test_simple_text\",\"arguments\":{},"
                + META + "}")));
        assertEquals("complete", r.getString("resultType"));
    }

    @Test
    void removedAndUnknownMethodsAre404WithTheRequestId() {
        int id = 50;
        for (String method : List.of("initialize", "ping", "logging/setLevel", "resources/subscribe",
                "resources/unsubscribe", "no/such/method")) {
            assertError(call(method, null, "{" + META + "}", ++id), 404, -32601, id);
        }
    }

    @Test
    void getAndDeleteWithoutSessionAre405() {
        for (String method : List.of("GET", "DELETE")) {
            RawHttp.Response r = RawHttp.send(node.port(), method, "/mcp", headers("server/discover", null), null);
            assertEquals(405, r.status(), method + " " + r.body());
            assertTrue(McpHttpSession.parse(r.body()).containsKey("error"));
        }
    }

    @Test
    void statelessToolCallIsAnsweredAsPlainJsonWithoutASession() {
        RawHttp.Response r = call("tools/call", "test_simple_text", "{\"name\":\"test_simple_text\",\"arguments\":{},"
                + META + "}", 61);
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.toString());
        assertNull(r.header("Mcp-Session-Id"));
        JsonObject result = result(r);
        assertEquals("complete", result.getString("resultType"));
        assertFalse(result.getJsonArray("content").getJsonObject(0).getString("text").isBlank());
    }

    @Test
    void progressTravelsOnTheRequestsOwnStreamAndLogsOnlyWhenMetaSetsALevel() {
        String quiet = "{\"name\":\"slow_count\",\"arguments\":{\"n\":20,\"delayMs\":5},\"_meta\":"
                + "{\"progressToken\":\"p\"," + META.substring("\"_meta\":{".length()) + "}";
        List<JsonObject> messages = McpHttpSession.messages(call("tools/call", "slow_count", quiet, 71));
        assertEquals(20, messages.stream().filter(m -> "notifications/progress".equals(m.getString("method", ""))).count());
        assertEquals(0, messages.stream().filter(m -> "notifications/message".equals(m.getString("method", ""))).count());
        assertEquals("Counted to 20", messages.get(messages.size() - 1).getJsonObject("result")
                .getJsonArray("content").getJsonObject(0).getString("text"));

        String chatty = quiet.replace("\"progressToken\":\"p\",", "\"progressToken\":\"p\","
                + "\"io.modelcontextprotocol/logLevel\":\"info\",");
        messages = McpHttpSession.messages(call("tools/call", "slow_count", chatty, 72));
        assertEquals(2, messages.stream().filter(m -> "notifications/message".equals(m.getString("method", ""))).count());
    }

    @Test
    void unknownResourceIsInvalidParamsNamingTheUri() {
        RawHttp.Response r = call("resources/read", "test://nothing-here", "{\"uri\":\"test://nothing-here\"," + META + "}", 81);
        assertEquals(200, r.status());
        JsonObject error = McpHttpSession.parse(r.body()).getJsonObject("error");
        assertEquals(-32602, error.getInt("code"), r.body());
        assertEquals("test://nothing-here", error.getJsonObject("data").getString("uri"));
    }

    @Test
    void listsComeInTheSameOrderEveryTime() {
        String first = result(call("tools/list", null, "{" + META + "}", 91)).getJsonArray("tools").toString();
        for (int i = 0; i < 3; i++) {
            assertEquals(first, result(call("tools/list", null, "{" + META + "}", 92 + i)).getJsonArray("tools").toString());
        }
    }

    @Test
    void badInputIsA4xxWithAJsonRpcError() {
        assertError(call("tools/list", null, "{\"_meta\":\"not an object\"}", 101), 400, -32602, 101);
        assertError(call("tools/list", null, "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + V
                + "\",\"io.modelcontextprotocol/clientCapabilities\":[1,2]}}", 102), 400, -32602, 102);
        assertError(call("tools/list", null, "{" + META.replace("\"io.modelcontextprotocol/clientInfo\"",
                "\"io.modelcontextprotocol/logLevel\":\"loud\",\"x\"") + "}", 103), 400, -32602, 103);
        assertError(call("tools/call", "=?base64?***?=", "{\"name\":\"test_simple_text\"," + META + "}", 104),
                400, -32020, 104);
        assertError(call("tools/call", "x".repeat(4000), "{\"name\":\"test_simple_text\"," + META + "}", 105),
                400, -32020, 105);
        Map<String, String> withSession = headers("tools/list", null);
        withSession.put("Mcp-Session-Id", "no-such-session");
        RawHttp.Response refused = post(withSession, body(106, "tools/list", "{" + META + "}"));
        assertEquals(400, refused.status(), "a session id takes the session path, which refuses 2026: "
                + refused.body());
        withSession.remove("MCP-Protocol-Version");
        RawHttp.Response unknown = post(withSession, body(106, "tools/list", "{" + META + "}"));
        assertEquals(404, unknown.status(), "a session id takes the session path: " + unknown.body());
        withSession.put("MCP-Protocol-Version", V);
        withSession.put("Mcp-Session-Id", McpHttpSession.initialize(node.port(), "2025-11-25").id());
        RawHttp.Response mixed = post(withSession, body(107, "tools/list", "{" + META + "}"));
        assertEquals(400, mixed.status(), "a 2026 version header inside a 2025 session: " + mixed.body());
        assertTrue(McpHttpSession.parse(mixed.body()).containsKey("error"));
        RawHttp.Response response = post(headers("tools/list", null), "{\"jsonrpc\":\"2.0\",\"id\":108,\"result\":{}}");
        assertEquals(400, response.status(), response.body());
        assertTrue(McpHttpSession.parse(response.body()).containsKey("error"));
    }

    @Test
    void closingTheResponseCancelsTheRequest() throws IOException, InterruptedException {
        String params = "{\"name\":\"slow_count\",\"arguments\":{\"n\":3000,\"delayMs\":20},\"_meta\":"
                + "{\"progressToken\":\"c\"," + META.substring("\"_meta\":{".length()) + "}";
        try (EventStream call = RawHttp.open(node.port(), "POST", "/mcp", headers("tools/call", "slow_count"),
                body(111, "tools/call", params))) {
            assertNotNull(call.nextData(10_000), "progress before closing");
        }
        long deadline = System.currentTimeMillis() + 20_000;
        String marker = "before its answer: request cancelled";
        while (!Files.readString(node.log()).contains(marker) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.readString(node.log()).contains(marker), "the node cancels a request whose client left");
    }

    /** A tools/call of {@code tool} by a client declaring {@code caps}, with {@code extra} params (or ""). */
    private static RawHttp.Response callTool(String tool, String caps, String extra, int id) {
        String meta = META.replace("\"io.modelcontextprotocol/clientCapabilities\":{}",
                "\"io.modelcontextprotocol/clientCapabilities\":" + caps);
        return call("tools/call", tool, "{\"name\":\"" + tool + "\",\"arguments\":{}" + extra + "," + meta + "}", id);
    }

    private static final String ELICIT = "test_input_required_result_elicitation";
    private static final String ALICE = ",\"inputResponses\":{\"user_name\":{\"action\":\"accept\","
            + "\"content\":{\"name\":\"Alice\"}}}";

    private static String stateOf(JsonObject result) {
        assertEquals("input_required", result.getString("resultType"), result.toString());
        return result.getString("requestState");
    }

    @Test
    void mrtrElicitationRoundIsInputRequiredThenCompleteAndItsStateIsSingleUse() {
        JsonObject first = result(callTool(ELICIT, "{\"elicitation\":{}}", "", 80));
        assertEquals("elicitation/create", first.getJsonObject("inputRequests").getJsonObject("user_name")
                .getString("method"), first.toString());
        String state = stateOf(first);
        String retry = ALICE + ",\"requestState\":\"" + state + "\"";
        JsonObject done = result(callTool(ELICIT, "{\"elicitation\":{}}", retry, 81));
        assertEquals("complete", done.getString("resultType"), done.toString());
        assertEquals("Hello, Alice!", done.getJsonArray("content").getJsonObject(0).getString("text"));
        JsonObject replay = assertError(callTool(ELICIT, "{\"elicitation\":{}}", retry, 82), 200, -32602, 82);
        assertTrue(replay.getString("message").contains("already used"), replay.toString());
    }

    @Test
    void tamperedOrForeignRequestStateIsInvalidParams() {
        String state = stateOf(result(callTool(ELICIT, "{\"elicitation\":{}}", "", 83)));
        int at = state.length() / 2;
        String tampered = state.substring(0, at) + (state.charAt(at) == 'A' ? 'B' : 'A') + state.substring(at + 1);
        assertError(callTool(ELICIT, "{\"elicitation\":{}}", ALICE + ",\"requestState\":\"" + tampered + "\"", 84),
                200, -32602, 84);
        // Sealed for one tool, presented to another: bound to the request's params.
        assertError(callTool("test_input_required_result_request_state", "{\"elicitation\":{}}",
                ",\"requestState\":\"" + state + "\"", 85), 200, -32602, 85);
        assertError(callTool(ELICIT, "{\"elicitation\":{}}", ",\"requestState\":\"garbage\"", 86), 200, -32602, 86);
    }

    @Test
    void aCapabilityTheClientDidNotDeclareIs400MissingCapability() {
        JsonObject error = assertError(callTool("test_missing_capability", "{}", "", 87), 400, -32021, 87);
        assertNotNull(error.getJsonObject("data").getJsonObject("requiredCapabilities").getJsonObject("sampling"),
                error.toString());
    }
}
