package io.mcpcluster.it.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A well-behaved client beside the fuzzer: its own 2025 session (initialized once, never re-created) and
 * a 2026 stateless call, each calling {@code text_stats} and checking the exact answer. Between batches
 * of hostile cases both must be served correctly and quickly; otherwise the batch disturbed them.
 */
final class Bystander {
    private static final String TEXT = "one two three";
    private static final List<String> EXPECTED = List.of("\"characters\":13", "\"words\":3", "\"lines\":1");
    private final FuzzHttp http;
    private final String sessionId;
    private int nextId = 1;

    private Bystander(FuzzHttp http, String sessionId) {
        this.http = http;
        this.sessionId = sessionId;
    }

    static Bystander start(FuzzHttp http) {
        return new Bystander(http, Sessions.initialize(http, "bystander"));
    }

    /** Empty when both calls were answered right; else what went wrong. */
    Optional<String> check() {
        int id = nextId++;
        Map<String, String> h = Sessions.headers(sessionId);
        FuzzHttp.Answer session = http.send("POST", "/mcp", h, call(id, ""));
        Optional<String> wrong = wrong("2025 session", session, id);
        if (wrong.isPresent()) {
            return wrong;
        }
        Map<String, String> modern = new LinkedHashMap<>(Sessions.headers(null));
        modern.put("MCP-Protocol-Version", Messages.MODERN);
        modern.put("Mcp-Method", "tools/call");
        modern.put("Mcp-Name", "text_stats");
        return wrong("2026 stateless", http.send("POST", "/mcp", modern, call(id, ",\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"" + Messages.MODERN + "\","
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"bystander\",\"version\":\"1\"},"
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}")), id);
    }

    private static String call(int id, String meta) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"text_stats\","
                + "\"arguments\":{\"text\":\"" + TEXT + "\",\"top\":1}" + meta + "}}";
    }

    private static Optional<String> wrong(String who, FuzzHttp.Answer a, int id) {
        String body = a.body().replace("\\\"", "\"");
        if (a.status() == 200 && !a.hang() && body.contains("\"id\":" + id) && EXPECTED.stream().allMatch(body::contains)
                && !body.contains("\"isError\":true")) {
            return Optional.empty();
        }
        String text = (a.hang() ? "no answer in time; " : "") + "status " + a.status() + " " + a.transportError() + " "
                + a.body();
        return Optional.of(who + ": " + text.substring(0, Math.min(400, text.length())));
    }
}
