package io.mcpcluster.transport;

/** Header names and media types of the MCP HTTP transports. */
public final class McpHeaders {
    public static final String SESSION_ID = "Mcp-Session-Id";
    public static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
    public static final String LAST_EVENT_ID = "Last-Event-ID";
    /** 2026-07-28: the body's method, mirrored for intermediaries. */
    public static final String METHOD = "Mcp-Method";
    /** 2026-07-28: the body's {@code params.name} or {@code params.uri}, mirrored for intermediaries. */
    public static final String NAME = "Mcp-Name";
    public static final String JSON = "application/json";
    public static final String EVENT_STREAM = "text/event-stream";

    private McpHeaders() {
    }

    /** The {@code Last-Event-ID} header, or null when absent or blank (an EventSource with no id yet). */
    public static String lastEventId(jakarta.servlet.http.HttpServletRequest req) {
        String value = req.getHeader(LAST_EVENT_ID);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
