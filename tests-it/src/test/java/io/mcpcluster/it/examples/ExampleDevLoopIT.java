package io.mcpcluster.it.examples;

import io.mcpcluster.it.support.Directories;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tool author's loop, as the README tells it: {@code ./dev serve --war <project>} on a copy of
 * examples/ (built by ./dev with Maven against this build's installed artifacts) serves the example's
 * own tools, and an edit of the project's source is rebuilt and redeployed by the running command,
 * without a restart: the tool then answers with the edited rate.
 */
class ExampleDevLoopIT {
    private static final Path WORK = NodeProcess.root().resolve("target/example-devloop");

    @Test
    @Timeout(600)
    void devServeRunsTheExampleAndRedeploysItsEditedSource() throws Exception {
        ExampleBuild.installArtifacts();
        Path project = WORK.resolve("project");
        Directories.freshCopy(NodeProcess.root().resolve("examples"), project, p -> !p.toString().contains("/target/"));
        int port = NodeProcess.freePort();
        Path log = WORK.resolve("dev-serve.log");
        ProcessBuilder dev = new ProcessBuilder(NodeProcess.root().resolve("dev").toString(), "serve", "--war",
                project.toString(), "--port", String.valueOf(port))
                .directory(WORK.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        dev.environment().put("MCP_HEALTH_TOKEN", NodeProcess.HEALTH_TOKEN);
        dev.environment().put("MAVEN_OPTS", "-Dmaven.repo.local=" + System.getProperty("mcp.maven.repo.local"));
        dev.environment().put("PATH", Path.of(System.getProperty("mcp.maven.home"), "bin") + ":" + System.getenv("PATH"));
        Process process = dev.start();
        try {
            awaitLine(log, process, "mcp-cluster listening", 1, 300);
            McpHttpSession s = McpHttpSession.initialize(port, "2025-06-18");
            assertEquals(Set.of("shipping_quote", "delivery_date"), toolNames(s));
            assertEquals(9.90, euPrice(s, 2), 1e-9, "7.50 EUR plus 1.20 EUR per kg");

            Path zone = project.resolve("src/main/java/com/example/shipping/Zone.java");
            String source = Files.readString(zone);
            assertTrue(source.contains("EU(7.50, 1.20, 3)"), "the example's EU rate");
            Files.writeString(zone, source.replace("EU(7.50, 1.20, 3)", "EU(7.50, 2.20, 3)"),
                    StandardOpenOption.TRUNCATE_EXISTING);
            awaitLine(log, process, "mcp-cluster redeployed", 1, 300);

            McpHttpSession after = McpHttpSession.initialize(port, "2025-06-18"); // one node's local cache starts empty
            assertEquals(11.90, euPrice(after, 2), 1e-9, "the edited rate: 7.50 EUR plus 2.20 EUR per kg");
        } finally {
            process.descendants().forEach(ProcessHandle::destroy); // the node and the watcher first: bash waits for the node
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private static double euPrice(McpHttpSession s, int weightKg) {
        JsonObject response = s.request("tools/call",
                "{\"name\":\"shipping_quote\",\"arguments\":{\"weightKg\":" + weightKg + ",\"zone\":\"EU\"}}");
        JsonObject quote = McpHttpSession.parse(response.getJsonObject("result").getJsonArray("content")
                .getJsonObject(0).getString("text"));
        return quote.getJsonNumber("priceEur").doubleValue();
    }

    private static Set<String> toolNames(McpHttpSession s) {
        return s.request("tools/list", null).getJsonObject("result").getJsonArray("tools").stream()
                .map(JsonValue::asJsonObject).map(o -> o.getString("name")).collect(Collectors.toSet());
    }

    /** Waits until {@code log} holds {@code text} {@code count} times, failing with the log if the command ends. */
    private static void awaitLine(Path log, Process process, String text, int count, long seconds)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String out = Files.exists(log) ? Files.readString(log) : "";
            if (out.split(java.util.regex.Pattern.quote(text), -1).length - 1 >= count) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("./dev serve ended (" + process.exitValue() + "):\n" + out);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no '" + text + "' from ./dev serve in " + seconds + " s:\n" + Files.readString(log));
    }
}
