package io.mcpcluster.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One mcp-cluster node in its own JVM: the built WAR in the embedded Jetty launcher, bound to
 * 127.0.0.1 on a free port, exactly as {@code ./dev node} runs it. Its output goes to
 * {@code target/it-logs/}. {@link #close()} stops it (SIGTERM, then SIGKILL after 30 s).
 *
 * <p>The WAR turns no optional feature on by itself; test nodes run with {@link #TEST_FEATURES} (the demo
 * tools and the conformance fixtures the tests call) unless the properties set {@code mcp.features}.
 * A clustered node gets this run's cluster key store ({@link BusKeys}) unless the properties name
 * another or say the network is trusted.
 */
public final class NodeProcess implements AutoCloseable {
    public static final String TEST_FEATURES = "demo,conformance";
    /** The {@code mcp.health.token} of test nodes: {@code /health} names members only to a caller that sends it. */
    public static final String HEALTH_TOKEN = "it-health-token";
    /** The headers that make {@code GET /health} tell the node's name and the cluster's members. */
    public static final Map<String, String> HEALTH_DETAILS = Map.of("X-Health-Token", HEALTH_TOKEN);
    /** A node starts in 5-10 s, but a loaded 2-core machine has needed over 60; below the 3 min lifecycle timeout. */
    private static final long READY_SECONDS = 120;
    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private NodeProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static Path root() {
        return Path.of(System.getProperty("mcp.it.root", ".")).toAbsolutePath();
    }

    public static NodeProcess start(String name, Map<String, String> properties) {
        return start(name, properties, freePort());
    }

    /** As {@link #start(String, Map)} on a chosen HTTP port (a node restarted behind the same balancer). */
    public static NodeProcess start(String name, Map<String, String> properties, int port) {
        return start(name, properties, port, root());
    }

    /**
     * As above, from the build in {@code build} (its {@code target/} WAR and launcher): another release
     * of mcp-cluster, checked out and built by {@link PreviousRelease}.
     */
    public static NodeProcess start(String name, Map<String, String> properties, int port, Path build) {
        List<String> args = new ArrayList<>();
        if (!properties.containsKey("mcp.features")) {
            args.add("-Dmcp.features=" + TEST_FEATURES);
        }
        if (!properties.containsKey("mcp.health.token")) {
            args.add("-Dmcp.health.token=" + HEALTH_TOKEN);
        }
        if (!properties.containsKey("mcp.drain.delay.millis")) {
            // No balancer polls a test node's readiness: stopping it need not wait for one (the drain tests do).
            args.add("-Dmcp.drain.delay.millis=0");
        }
        if (properties.containsKey("mcp.infinispan.config") && !properties.containsKey("mcp.cluster.keystore")
                && !properties.containsKey("mcp.cluster.trusted.network")) {
            BusKeys.properties(BusKeys.forThisRun()).forEach((k, v) -> args.add("-D" + k + "=" + v));
        }
        properties.forEach((k, v) -> args.add("-D" + k + "=" + v));
        Path target = build.resolve("target");
        args.addAll(List.of("-cp", target.resolve("mcp-cluster-launcher.jar") + ":" + target.resolve("launcher-lib") + "/*",
                "io.mcpcluster.launcher.JettyLauncher", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--war", target.resolve("mcp-cluster.war").toString()));
        return launch(name, port, args, "mcp-cluster listening on");
    }

    /**
     * Runs {@code mainClass PORT} from the test class path (for the Java SDK baseline server), ready when
     * its output contains {@code readyMarker}.
     */
    public static NodeProcess startTestMain(String name, String mainClass, String readyMarker) {
        int port = freePort();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return launch(name, port, List.of("-cp", classpath, mainClass, String.valueOf(port)), readyMarker);
    }

    private static NodeProcess launch(String name, int port, List<String> args, String readyMarker) {
        Path root = root();
        Path logDir = root.resolve("target/it-logs");
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + "-" + port + ".log");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-Djava.util.logging.SimpleFormatter.format=%1$tT.%1$tL %4$-7s [%3$s] %5$s%6$s%n"));
            cmd.addAll(args);
            Files.writeString(log, "=== start ===\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            NodeProcess node = new NodeProcess(name, p, port, log);
            // Whatever a test does or fails to do, no node outlives the test JVM.
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
            node.awaitReady(readyMarker);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(String readyMarker) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).split("=== start ===").length > 0
                    && lastRun().contains(readyMarker)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Node exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("Node not ready in " + READY_SECONDS + " s:\n" + Files.readString(log));
    }

    /** The log of this run only (a restarted node appends to the same file). */
    private String lastRun() throws IOException {
        String text = Files.readString(log);
        return text.substring(text.lastIndexOf("=== start ==="));
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }


    /** The name it was started with (LocalCluster passes the same as {@code mcp.node.name}). */
    public String name() {
        return name;
    }

    /** Its output, kept after it exits or is killed (a restarted node appends to the same file). */
    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }


    /** SIGTERM, returning at once: the node drains (docs/OPERATIONS.md#drain), then exits. */
    public void terminate() {
        process.destroy();
    }

    /** Waits up to {@code seconds} for the node to exit and returns its exit code; kills it and fails if it did not. */
    public int awaitExit(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                kill();
                throw new IllegalStateException(name + " did not exit within " + seconds + " s; killed");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no goodbye to the cluster. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then SIGKILL if the node has not exited within 30 s (its drain, Jetty's stop, leaving the view). */
    @Override
    public void close() {
        Processes.stop(process, 30);
    }

    /** Ports handed out in this JVM: the OS may offer a just-closed port again, to another node. */
    private static final java.util.Set<Integer> ISSUED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A free loopback port not handed out before in this JVM (HTTP and JGroups ports of a cluster differ). */
    public static int freePort() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                if (ISSUED.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("the OS offered only ports handed out before, 1000 times");
    }
}
