package io.mcpcluster.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external program (node, npx) from the project root, with a time limit, capturing its output. */
public final class Processes {
    private Processes() {
    }

    public record Result(int exitCode, String output) {
    }

    public static Result run(List<String> command, long timeoutSeconds) {
        return run(command, java.util.Map.of(), timeoutSeconds);
    }

    /** As above, with {@code environment} added to this JVM's. */
    public static Result run(List<String> command, java.util.Map<String, String> environment, long timeoutSeconds) {
        try {
            java.nio.file.Path out = java.nio.file.Files.createTempFile("mcp-it-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(NodeProcess.root().toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            builder.environment().putAll(environment);
            Process p = builder.start();
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String text = java.nio.file.Files.readString(out, StandardCharsets.UTF_8);
            java.nio.file.Files.deleteIfExists(out);
            return new Result(done ? p.exitValue() : -1, done ? text : text + "\n[timed out after " + timeoutSeconds + " s]");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks {@code process} to end, and kills it if it has not within {@code graceSeconds}. */
    public static void stop(Process process, long graceSeconds) {
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
