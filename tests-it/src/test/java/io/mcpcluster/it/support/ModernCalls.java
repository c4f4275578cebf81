package io.mcpcluster.it.support;

import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stateless 2026-07-28 {@code tools/call} requests over raw HTTP, by a client that declares elicitation. */
public final class ModernCalls {
    private ModernCalls() {
    }

    /**
     * A {@code tools/call} of {@code tool} on the node at {@code port}, with {@code extra} params (or ""):
     * its last message (the response), the HTTP status having been 200.
     */
    public static JsonObject toolsCall(int port, String tool, String extra, int id) {
        Map<String, String> h = McpHttpSession.headers(null);
        h.put("MCP-Protocol-Version", "2026-07-28");
        h.put("Mcp-Method", "tools/call");
        h.put("Mcp-Name", tool);
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                + tool + "\",\"arguments\":{}" + extra + ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":"
                + "\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}}}}}";
        RawHttp.Response r = RawHttp.send(port, "POST", "/mcp", h, body);
        assertEquals(200, r.status(), r.body());
        List<JsonObject> messages = McpHttpSession.messages(r);
        return messages.get(messages.size() - 1);
    }

    /** The params of a retry: the accepted answer {@code {property: value}} to {@code key}, and {@code state}. */
    public static String answer(String key, String property, String value, String state) {
        return ",\"inputResponses\":{\"" + key + "\":{\"action\":\"accept\",\"content\":{\"" + property
                + "\":\"" + value + "\"}}},\"requestState\":\"" + state + "\"";
    }
}
