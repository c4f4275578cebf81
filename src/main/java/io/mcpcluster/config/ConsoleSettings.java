package io.mcpcluster.config;

/**
 * The operator console ({@code /cluster-console}), read once like {@link McpConfig}. The console is served only to
 * a caller with the health token ({@code mcp.health.token}) or, when {@code mcp.auth.mode} is on, a
 * principal granted {@code scope}; with neither configured nobody can view it, so it is off and its
 * node publishes nothing.
 *
 * @param periodMillis how often each node publishes its figures to the others and pushes the view to its
 *                     viewers; 0 turns the console off
 * @param maxViewers   console pages one node serves at once; one more is refused (503)
 * @param scope        the scope (bearer) or role (container) that opens the console to a principal
 */
public record ConsoleSettings(long periodMillis, int maxViewers, String scope) {

    public static ConsoleSettings fromEnvironment() {
        return new ConsoleSettings(
                Long.parseLong(McpConfig.get("mcp.console.period.millis", "2000")),
                Integer.parseInt(McpConfig.get("mcp.console.viewers", "16")),
                McpConfig.get("mcp.console.scope", "mcp:console"));
    }

    /** Whether anyone may view the console: a health token is set, or authorization names principals. */
    public boolean enabled(ExecutionLimits limits, AuthConfig auth) {
        return periodMillis > 0 && (!limits.healthToken().isEmpty() || auth.mode() != AuthConfig.Mode.OFF);
    }
}
