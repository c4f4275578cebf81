package io.mcpcluster.it.fuzz;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Opens real 2025 Streamable HTTP sessions (initialize, then initialized) for the fuzzer and the bystander. */
final class Sessions {
    private Sessions() {
    }

    static Map<String, String> headers(String sessionId) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("Accept", "application/json, text/event-stream");
        if (sessionId != null) {
            h.put("Mcp-Session-Id", sessionId);
            h.put("MCP-Protocol-Version", Messages.SESSION_ERA);
        }
        return h;
    }

    static String initialize(FuzzHttp http, String clientName) {
        FuzzHttp.Answer init = http.send("POST", "/mcp", headers(null), "{\"jsonrpc\":\"2.0\",\"id\":0,"
                + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + Messages.SESSION_ERA + "\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"" + clientName + "\",\"version\":\"1\"}}}");
        String id = header(init.head(), "mcp-session-id");
        if (init.status() != 200 || id == null) {
            throw new IllegalStateException("initialize failed: " + init);
        }
        FuzzHttp.Answer initialized = http.send("POST", "/mcp", headers(id),
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        if (initialized.status() != 202) {
            throw new IllegalStateException("initialized failed: " + initialized);
        }
        return id;
    }

    static String header(String head, String lowerCaseName) {
        if (head == null) {
            return null;
        }
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
