package io.mcpcluster.session;

/** The HTTP transport a session was opened with; a session is served only through its own. */
public enum Transport {
    /** Streamable HTTP (2025-03-26 and later): {@code Mcp-Session-Id} on one endpoint. */
    STREAMABLE("streamable"),
    /** Legacy HTTP+SSE (2024-11-05): {@code GET /sse} and {@code POST /messages?sessionId=}. */
    LEGACY_SSE("sse");

    private final String wireName;

    Transport(String wireName) {
        this.wireName = wireName;
    }

    /** The short name stored in the session record. */
    public String wireName() {
        return wireName;
    }

    public static Transport fromWireName(String name) {
        for (Transport t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown transport " + name);
    }
}
