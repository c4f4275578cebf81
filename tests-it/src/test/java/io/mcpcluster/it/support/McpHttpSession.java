package io.mcpcluster.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Streamable HTTP session driven with raw HTTP: initialize, then JSON-RPC over POST. */
public final class McpHttpSession {
    public static final String ACCEPT_BOTH = "application/json, text/event-stream";

    private final int port;
    private final String sessionId;
    private int nextId = 1;

    private McpHttpSession(int port, String sessionId) {
        this.port = port;
        this.sessionId = sessionId;
    }

    public static McpHttpSession initialize(int port, String protocolVersion) {
        RawHttp.Response r = RawHttp.send(port, "POST", "/mcp", headers(null),
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                        + protocolVersion + "\",\"capabilities\":{\"sampling\":{},\"elicitation\":{}},"
                        + "\"clientInfo\":{\"name\":\"raw-it\",\"version\":\"1\"}}}");
        if (r.status() != 200 || r.header("Mcp-Session-Id") == null) {
            throw new IllegalStateException("initialize failed: " + r);
        }
        McpHttpSession s = new McpHttpSession(port, r.header("Mcp-Session-Id"));
        RawHttp.Response initialized = s.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        if (initialized.status() != 202) {
            throw new IllegalStateException("initialized: " + initialized);
        }
        return s;
    }

    public static Map<String, String> headers(String sessionId) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("Accept", ACCEPT_BOTH);
        if (sessionId != null) {
            h.put("Mcp-Session-Id", sessionId);
        }
        return h;
    }

    public String id() {
        return sessionId;
    }

    public Map<String, String> headers() {
        return headers(sessionId);
    }

    public RawHttp.Response post(String body) {
        return RawHttp.send(port, "POST", "/mcp", headers(), body);
    }

    /** Sends a request and returns the JSON-RPC response object (from a JSON or an SSE answer). */
    public JsonObject request(String method, String paramsJson) {
        int id = nextId++;
        RawHttp.Response r = post("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
                + (paramsJson == null ? "" : ",\"params\":" + paramsJson) + "}");
        if (r.status() != 200) {
            throw new IllegalStateException(method + " -> " + r.status() + " " + r.body());
        }
        List<JsonObject> messages = messages(r);
        return messages.get(messages.size() - 1);
    }

    /** Every JSON-RPC message of an answer: the JSON body, or each data line of an event stream. */
    public static List<JsonObject> messages(RawHttp.Response r) {
        List<JsonObject> out = new ArrayList<>();
        if (r.header("Content-Type") != null && r.header("Content-Type").startsWith("text/event-stream")) {
            for (String line : r.body().split("\n")) {
                if (line.startsWith("data: ") && line.length() > 6) {
                    out.add(parse(line.substring(6)));
                }
            }
        } else {
            out.add(parse(r.body()));
        }
        return out;
    }

    public static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** Pings and returns true when the session still answers: used after every refusal. */
    public boolean answersPing() {
        JsonObject r = request("ping", null);
        return r.containsKey("result") && r.getJsonObject("result").isEmpty();
    }
}
