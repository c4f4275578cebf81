package io.mcpcluster.config;

/**
 * What one node spends on running requests and writing streams, read once like {@link McpConfig}.
 *
 * @param requestThreads       threads that run client requests (tools, prompts, resources), apart from the
 *                             node's internal workers, so a slow tool never delays cluster housekeeping
 * @param requestQueue         requests of all sessions waiting for a thread; beyond it a request is refused
 * @param sessionConcurrentCalls requests of one session (or, without a session, one principal) running or
 *                             waiting on this node; beyond it the session's next request is refused
 * @param toolTimeoutMillis    how long a tool call may run before it is cancelled (its thread interrupted)
 *                             and answered with an error; {@code @Tool(timeoutMillis=…)} overrides it; 0: none
 * @param streamQueueBytes     bytes an event stream may hold for a client that does not read; beyond it the
 *                             connection is dropped (the client resumes with {@code Last-Event-ID})
 * @param healthToken          the {@code X-Health-Token} that makes {@code GET /health} name the node and the
 *                             members; empty: {@code /health} says only UP
 */
public record ExecutionLimits(int requestThreads, int requestQueue, int sessionConcurrentCalls,
                              long toolTimeoutMillis, long streamQueueBytes, String healthToken) {

    public static ExecutionLimits fromEnvironment() {
        return new ExecutionLimits(
                Integer.parseInt(McpConfig.get("mcp.request.threads", "64")),
                Integer.parseInt(McpConfig.get("mcp.request.queue", "1000")),
                Integer.parseInt(McpConfig.get("mcp.session.concurrent.calls", "16")),
                Long.parseLong(McpConfig.get("mcp.tool.timeout.millis", "120000")),
                Long.parseLong(McpConfig.get("mcp.sse.queue.bytes", String.valueOf(1024 * 1024))),
                McpConfig.get("mcp.health.token", ""));
    }
}
