package io.mcpcluster.it.support;

import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Raw 2026-07-28 requests: the {@code _meta} fields, the mirrored headers and the JSON-RPC body. */
public final class ModernHttp {
    public static final String VERSION = "2026-07-28";
    /** The required {@code _meta} fields, to put inside a {@code _meta} object of one's own. */
    public static final String FIELDS = "\"io.modelcontextprotocol/protocolVersion\":\"" + VERSION + "\","
            + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"raw-it\",\"version\":\"1\"},"
            + "\"io.modelcontextprotocol/clientCapabilities\":{}";
    /** {@code "_meta":{…}} with the required fields, to put inside params. */
    public static final String META = "\"_meta\":{" + FIELDS + "}";

    private ModernHttp() {
    }

    /** Headers of a 2026 request: protocol version, {@code Mcp-Method}, and {@code Mcp-Name} when given. */
    public static Map<String, String> headers(String method, String name) {
        Map<String, String> h = McpHttpSession.headers(null);
        h.put("MCP-Protocol-Version", VERSION);
        h.put("Mcp-Method", method);
        if (name != null) {
            h.put("Mcp-Name", name);
        }
        return h;
    }

    /** Fails unless the node on {@code port} still serves a 2025 session and a 2026 {@code server/discover}. */
    public static void assertBothErasServed(int port) {
        if (!McpHttpSession.initialize(port, "2025-11-25").answersPing()) {
            throw new AssertionError("a 2025 session is no longer served");
        }
        RawHttp.Response discover = RawHttp.send(port, "POST", "/mcp", headers("server/discover", null),
                body(1, "server/discover", "{" + META + "}"));
        if (discover.status() != 200) {
            throw new AssertionError("2026 discover is no longer served: " + discover.status() + " " + discover.body());
        }
    }

    public static String body(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    /** Runs {@code tool} statelessly on {@code port} with {@code argumentsJson}; returns its result. */
    public static JsonObject callTool(int port, String tool, String argumentsJson) {
        RawHttp.Response r = RawHttp.send(port, "POST", "/mcp", headers("tools/call", tool), body(1, "tools/call",
                "{\"name\":\"" + tool + "\",\"arguments\":" + argumentsJson + "," + META + "}"));
        assertEquals(200, r.status(), r.body());
        List<JsonObject> messages = McpHttpSession.messages(r);
        JsonObject result = messages.get(messages.size() - 1).getJsonObject("result");
        assertNotNull(result, r.body());
        return result;
    }
}
