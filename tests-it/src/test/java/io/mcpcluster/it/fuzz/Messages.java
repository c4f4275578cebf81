package io.mcpcluster.it.fuzz;

import java.util.List;
import java.util.Map;

/**
 * Well-formed JSON-RPC requests of both eras, as trees that {@link BodyMutator} then spoils. Only
 * features that answer without waiting on the client: a 2025 session's sampling or elicitation tool
 * would wait for an answer this fuzzer never sends, and the tools whose run time the caller picks
 * ({@code slow_count}, {@code traced_add}'s {@code delayMs}) get small values; execution limits have
 * tests of their own.
 */
final class Messages {
    static final String MODERN = "2026-07-28";
    static final String SESSION_ERA = "2025-11-25";
    /** Run in both eras: they answer at once. */
    private static final List<String> PROMPT_TOOLS = List.of("test_simple_text", "test_image_content",
            "test_audio_content", "test_embedded_resource", "test_multiple_content_types", "test_error_handling",
            "test_tool_with_logging", "test_tool_with_progress", "text_stats", "convert_temperature", "touch_note");
    /** 2026 only: there they end in an input_required round instead of waiting. */
    private static final List<String> ROUND_TOOLS = List.of("test_sampling", "test_elicitation", "summarize",
            "list_roots", "test_input_required_result_elicitation", "test_input_required_result_request_state",
            "test_input_required_result_multiple_inputs", "test_input_required_result_multi_round");

    private final HostileValues values;

    Messages(HostileValues values) {
        this.values = values;
    }

    /** A request of the 2025 session era (no {@code _meta} protocol fields). */
    Map<String, Object> sessionRequest() {
        String method = values.pick(List.of("ping", "tools/list", "tools/call", "tools/call", "tools/call",
                "resources/list", "resources/read", "resources/templates/list", "resources/subscribe",
                "resources/unsubscribe", "prompts/list", "prompts/get", "completion/complete", "logging/setLevel",
                "notifications/cancelled", "notifications/initialized", "notifications/roots/list_changed",
                "initialize", "tasks/list", "server/discover"));
        Map<String, Object> params = params(method, PROMPT_TOOLS);
        if (method.equals("initialize")) {
            params = Json.object("protocolVersion", SESSION_ERA, "capabilities", Json.object(),
                    "clientInfo", Json.object("name", "fuzz", "version", "1"));
        }
        return envelope(method, params, !method.startsWith("notifications/"));
    }

    /** A 2026-07-28 request: protocol fields in {@code _meta}, answered without a session. */
    Map<String, Object> modernRequest() {
        String method = values.pick(List.of("server/discover", "tools/list", "tools/call", "tools/call",
                "tools/call", "resources/list", "resources/read", "resources/templates/list", "prompts/list",
                "prompts/get", "completion/complete", "subscriptions/listen", "ping"));
        List<String> tools = values.chance(70) ? PROMPT_TOOLS : ROUND_TOOLS;
        Map<String, Object> params = params(method, tools);
        params.put("_meta", Json.object("io.modelcontextprotocol/protocolVersion", MODERN,
                "io.modelcontextprotocol/clientInfo", Json.object("name", "fuzz", "version", "1"),
                "io.modelcontextprotocol/clientCapabilities", Json.object("elicitation", Json.object(),
                        "sampling", Json.object()),
                "progressToken", "p"));
        if (method.equals("tools/call") && values.chance(20)) {
            params.put("inputResponses", Json.object("user_name", Json.object("action", "accept",
                    "content", Json.object("name", "x"))));
            params.put("requestState", values.pick(List.of("AAAA", "e30", "x".repeat(500), "")));
        }
        return envelope(method, params, true);
    }

    private Map<String, Object> params(String method, List<String> tools) {
        return switch (method) {
            case "tools/call" -> toolCall(values.pick(tools));
            case "resources/read", "resources/subscribe", "resources/unsubscribe" -> Json.object("uri",
                    values.pick(List.of("test://static-text", "test://static-binary", "test://template/7/data",
                            "demo://readme", "demo://notes/security", "test://watched-resource")));
            case "prompts/get" -> Json.object("name", values.pick(List.of("test_simple_prompt",
                    "test_prompt_with_arguments", "test_prompt_with_embedded_resource", "explain_topic")),
                    "arguments", Json.object("arg1", "a", "arg2", "b", "topic", "security", "resourceUri", "test://x"));
            case "completion/complete" -> Json.object("ref", values.chance(50)
                            ? Json.object("type", "ref/prompt", "name", "explain_topic")
                            : Json.object("type", "ref/resource", "uri", "demo://notes/{topic}"),
                    "argument", Json.object("name", "topic", "value", "se"));
            case "logging/setLevel" -> Json.object("level", "debug");
            case "notifications/cancelled" -> Json.object("requestId", 1, "reason", "fuzz");
            case "tools/list", "prompts/list", "resources/list" -> values.chance(30)
                    ? Json.object("cursor", values.pick(List.of("MA", "LTE", "OTk5OTk5OTk5OQ", "!!", "")))
                    : Json.object();
            default -> Json.object();
        };
    }

    private Map<String, Object> toolCall(String tool) {
        Map<String, Object> args = switch (tool) {
            case "text_stats" -> Json.object("text", "the quick brown fox", "top", 2);
            case "convert_temperature" -> Json.object("value", 21.5, "from", "CELSIUS", "to", "KELVIN");
            case "touch_note" -> Json.object("topic", "security");
            default -> Json.object();
        };
        return Json.object("name", tool, "arguments", args);
    }

    private Map<String, Object> envelope(String method, Map<String, Object> params, boolean request) {
        Map<String, Object> m = Json.object("jsonrpc", "2.0");
        if (request) {
            m.put("id", 1 + values.below(1_000_000));
        }
        m.put("method", method);
        m.put("params", params);
        return m;
    }
}
