package io.mcpcluster.config;

/**
 * Limits on what clients send in, read once like {@link McpConfig} ({@code -Dmcp.limit.x=…} or
 * {@code MCP_LIMIT_X=…}). Each is answered with its own HTTP status and JSON-RPC error
 * (docs/CONFIGURATION.md, "Limits"); the body size itself is {@link McpConfig#maxBodyBytes()}.
 *
 * @param sessionsPerNode      sessions created on this node and still alive; beyond: 503
 * @param sessionsPerPrincipal of those, sessions of one authenticated principal; beyond: 429. Anonymous
 *                             sessions (no principal: authentication off) count only per node
 * @param initializeBytes      the {@code params} of {@code initialize} (clientInfo, capabilities) as JSON text
 * @param batchLength          messages in one JSON-RPC batch
 * @param jsonDepth            nesting of arrays and objects in a body
 * @param jsonStringChars      characters of one string (or member name) in a body
 * @param jsonEntries          elements of one array, or members of one object, in a body
 * @param bodyReadMillis       a POST body must arrive completely within this, else 408
 */
public record InputLimits(int sessionsPerNode, int sessionsPerPrincipal, int initializeBytes, int batchLength,
                          int jsonDepth, int jsonStringChars, int jsonEntries, long bodyReadMillis) {

    public static InputLimits fromEnvironment() {
        return new InputLimits(
                number("mcp.limit.sessions.per.node", 10_000),
                number("mcp.limit.sessions.per.principal", 100),
                number("mcp.limit.initialize.bytes", 16_384),
                number("mcp.limit.batch.length", 100),
                number("mcp.limit.json.depth", 64),
                number("mcp.limit.json.string.chars", 1_048_576),
                number("mcp.limit.json.entries", 10_000),
                number("mcp.limit.body.read.millis", 30_000));
    }

    private static int number(String key, int defaultValue) {
        int v = Integer.parseInt(McpConfig.get(key, String.valueOf(defaultValue)));
        if (v <= 0) {
            throw new IllegalArgumentException(key + " must be positive, not " + v);
        }
        return v;
    }
}
