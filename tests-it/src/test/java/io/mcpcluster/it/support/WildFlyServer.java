package io.mcpcluster.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One WildFly server of a pair started the way the README tells users to: {@code standalone.sh} with
 * the {@code standalone-mcp.xml} that wildfly-cli/configure.sh made (tests-it/prepare-wildfly.sh runs
 * it before the integration tests), its own base directory copied from {@code standalone/}, a port
 * offset, TCPPING peers on loopback; deployments go through {@code wildfly-cli/deploy.cli}. No
 * {@code mcp.features}: the server runs what a WAR turns on by itself.
 */
public final class WildFlyServer implements AutoCloseable {
    private final Path home;
    private final Path base;
    private final int offset;
    private final Process process;

    private WildFlyServer(Path home, Path base, int offset, Process process) {
        this.home = home;
        this.base = base;
        this.offset = offset;
        this.process = process;
    }

    /** Starts server {@code name} with port offset {@code offset}; {@code peerOffsets} are both servers' offsets. */
    public static WildFlyServer start(Path home, Path base, String name, int offset, List<Integer> peerOffsets) {
        try {
            Directories.freshCopy(home.resolve("standalone"), base, file -> true);
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                    "-c", "standalone-mcp.xml", "-b=127.0.0.1", "-bprivate=127.0.0.1", "-bmanagement=127.0.0.1",
                    "-Djava.net.preferIPv4Stack=true", "-Djboss.server.base.dir=" + base, "-Djboss.node.name=" + name,
                    "-Djboss.socket.binding.port-offset=" + offset,
                    // The cluster bus's key store of this test run (bus-tls.cli reads these properties).
                    "-Dmcp.cluster.keystore=" + BusKeys.forThisRun(), "-Dmcp.cluster.keystore.password=" + BusKeys.PASSWORD));
            for (int i = 0; i < peerOffsets.size(); i++) {
                command.add("-Dmcp.peer." + (i + 1) + ".port=" + (7600 + peerOffsets.get(i)));
            }
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(base.resolve("server.out").toFile());
            // The script then forwards SIGTERM to the server's JVM.
            pb.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
            WildFlyServer server = new WildFlyServer(home, base, offset, pb.start());
            Runtime.getRuntime().addShutdownHook(new Thread(server::killTree));
            server.awaitStarted();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int httpPort() {
        return 8080 + offset;
    }

    /** Deploys {@code war} as mcp-cluster.war (replacing what was there) with wildfly-cli/deploy.cli. */
    public void deploy(Path war) {
        Processes.Result cli = Processes.run(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + (9990 + offset), "--file=wildfly-cli/deploy.cli", "-Dmcp.war=" + war), 180);
        if (cli.exitCode() != 0) {
            throw new IllegalStateException("deploy.cli failed on " + base + ":\n" + cli.output());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (RawHttp.send(httpPort(), "GET", "/health", Map.of(), null).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the deployment does not answer GET /health; see " + log());
            }
            sleep(200);
        }
    }

    private void awaitStarted() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        Path out = base.resolve("server.out");
        while (System.nanoTime() < deadline) {
            String text = Files.exists(out) ? Files.readString(out) : "";
            if (text.contains("WFLYSRV0025")) {
                return;
            }
            if (text.contains("WFLYSRV0026") || !process.isAlive()) {
                close();
                throw new IllegalStateException("WildFly did not start cleanly; see " + log());
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException("WildFly not started in 180 s; see " + log());
    }

    private Path log() {
        return base.resolve("log/server.log");
    }

    /** A graceful shutdown through the management port, then the process tree for sure. */
    @Override
    public void close() {
        if (process.isAlive()) {
            Processes.run(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                    "--controller=127.0.0.1:" + (9990 + offset), "--command=:shutdown"), 60);
        }
        List<ProcessHandle> tree = process.descendants().toList();
        Processes.stop(process, 20);
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    private void killTree() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
