package io.mcpcluster.it.examples;

import io.mcpcluster.it.support.NodeProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code ./dev serve --war <project> --port <port>} as a tool author runs it, its output in a log file,
 * with the Maven of this build and its local repository (where {@link ExampleBuild} installed this
 * build's artifacts). {@link #close()} stops the node and the watcher before the script: bash waits for
 * its foreground node before it runs its own exit trap.
 */
final class DevServe implements AutoCloseable {
    private final Process process;
    private final Path log;

    private DevServe(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static DevServe start(Path project, int port, Path log) {
        ProcessBuilder dev = new ProcessBuilder(NodeProcess.root().resolve("dev").toString(), "serve", "--war",
                project.toString(), "--port", String.valueOf(port))
                .directory(project.getParent().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        dev.environment().put("MCP_HEALTH_TOKEN", NodeProcess.HEALTH_TOKEN);
        dev.environment().put("MAVEN_OPTS", "-Dmaven.repo.local=" + System.getProperty("mcp.maven.repo.local"));
        dev.environment().put("PATH", Path.of(System.getProperty("mcp.maven.home"), "bin") + ":" + System.getenv("PATH"));
        try {
            return new DevServe(dev.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the output holds {@code text} {@code count} times; fails with the output if the command ends. */
    void await(String text, int count, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String out = Files.exists(log) ? Files.readString(log) : "";
            if (out.split(Pattern.quote(text), -1).length - 1 >= count) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("./dev serve ended (" + process.exitValue() + "):\n" + out);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no '" + text + "' from ./dev serve in " + seconds + " s:\n" + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
