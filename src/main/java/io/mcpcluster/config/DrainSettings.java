package io.mcpcluster.config;

/**
 * How a stopping node drains, read once like {@link McpConfig}.
 *
 * @param delayMillis   how long the node keeps serving after its readiness went off, so that balancers
 *                      that poll {@code /health/ready} (or a Kubernetes endpoint update) stop sending to it
 *                      before it refuses; skipped on a node that is not clustered (nowhere else to go)
 * @param timeoutMillis how long it then waits for the requests it runs to finish; those still running are
 *                      answered by the cluster when the node has left ("may be retried")
 * @param handoffMillis how long its streams get to write their last frames (a {@code retry:} hint) before
 *                      their connections are closed
 */
public record DrainSettings(long delayMillis, long timeoutMillis, long handoffMillis) {

    public static DrainSettings fromEnvironment() {
        return new DrainSettings(
                Long.parseLong(McpConfig.get("mcp.drain.delay.millis", "5000")),
                Long.parseLong(McpConfig.get("mcp.drain.timeout.millis", "20000")),
                Long.parseLong(McpConfig.get("mcp.drain.handoff.millis", "2000")));
    }
}
