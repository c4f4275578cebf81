package io.mcpcluster.it.support;

import jakarta.json.JsonObject;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stateless 2026-07-28 {@code tools/call} requests over raw HTTP ({@link ModernHttp}), by a client that declares elicitation. */
public final class ModernCalls {
    private ModernCalls() {
    }

    /**
     * A {@code tools/call} of {@code tool} on the node at {@code port}, with {@code extra} params (or ""):
     * its last message (the response), the HTTP status having been 200.
     */
    public static JsonObject toolsCall(int port, String tool, String extra, int id) {
        String params = "{\"name\":\"" + tool + "\",\"arguments\":{}" + extra + ",\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"" + ModernHttp.VERSION + "\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}}}}";
        RawHttp.Response r = RawHttp.send(port, "POST", "/mcp", ModernHttp.headers("tools/call", tool),
                ModernHttp.body(id, "tools/call", params));
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
