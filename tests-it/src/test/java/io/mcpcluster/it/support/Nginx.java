package io.mcpcluster.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real nginx (the Debian package) as a plain round-robin balancer on 127.0.0.1, rendered from
 * {@code webapp-config/nginx-round-robin.conf.template}, with its own prefix under {@code target/}.
 * Every answer carries {@value #UPSTREAM_HEADER} (the node that served it), so a test sees where
 * round robin sent each request.
 */
public final class Nginx implements AutoCloseable {
    public static final String UPSTREAM_HEADER = "X-Upstream-Addr";
    private final Process process;
    private final int port;
    private final Path prefix;
    private final boolean reloadable;

    private Nginx(Process process, int port, Path prefix, boolean reloadable) {
        this.process = process;
        this.port = port;
        this.prefix = prefix;
        this.reloadable = reloadable;
    }

    public static Nginx start(List<Integer> upstreamPorts) {
        return start(upstreamPorts, false);
    }

    /**
     * With {@code streamsOnFirst}, GET requests (the streams) go to the first node while it lives and to
     * the others after; POSTs stay round-robin. Failover tests use it to put every stream on one node.
     */
    public static Nginx start(List<Integer> upstreamPorts, boolean streamsOnFirst) {
        return start(upstreamPorts, streamsOnFirst, NodeProcess.freePort());
    }

    /** On {@code port}, chosen before the nodes start (they must know their public URL: OAuthIT). */
    public static Nginx start(List<Integer> upstreamPorts, boolean streamsOnFirst, int port) {
        return start(upstreamPorts, streamsOnFirst, port, false);
    }

    /**
     * A balancer the test changes with {@link #reload}: it keeps no idle client connection. An nginx reload
     * closes the idle kept-alive client connections of its old workers, and a client that sends a POST on
     * one at that instant gets a network error (the TypeScript SDK: "fetch failed", seen once in five
     * reloads under 20 sessions); a Kubernetes endpoints update, which these reloads stand for, closes none.
     */
    public static Nginx startReloadable(List<Integer> upstreamPorts) {
        return start(upstreamPorts, false, NodeProcess.freePort(), true);
    }

    private static Nginx start(List<Integer> upstreamPorts, boolean streamsOnFirst, int port, boolean reloadable) {
        Path prefix = NodeProcess.root().resolve("target/it-nginx/" + port);
        try {
            Files.createDirectories(prefix);
            Files.writeString(prefix.resolve("nginx.conf"), render(prefix, port, upstreamPorts, streamsOnFirst, reloadable));
            Process p = new ProcessBuilder("nginx", "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(),
                    "-e", prefix.resolve("error.log").toString()).redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("nginx.out").toFile()).start();
            Nginx nginx = new Nginx(p, port, prefix, reloadable);
            nginx.awaitListening(prefix);
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String render(Path prefix, int port, List<Integer> upstreamPorts, boolean streamsOnFirst,
                                 boolean reloadable) throws IOException {
        String upstreams = upstreamPorts.stream().map(p -> "    server 127.0.0.1:" + p + " max_fails=0;")
                .collect(Collectors.joining("\n"));
        String conf = Files.readString(NodeProcess.root().resolve("webapp-config/nginx-round-robin.conf.template"))
                .replace("@PREFIX@", prefix.toString()).replace("@LISTEN@", "127.0.0.1:" + port)
                .replace("@UPSTREAMS@", upstreams)
                .replace("    location / {\n", "    location / {\n      add_header " + UPSTREAM_HEADER + " $upstream_addr always;\n");
        if (reloadable) {
            conf = conf.replace("    listen 127.0.0.1:" + port + ";\n", "    listen 127.0.0.1:" + port + ";\n    keepalive_timeout 0;\n");
        }
        if (streamsOnFirst) {
            String streams = "    server 127.0.0.1:" + upstreamPorts.get(0) + " max_fails=1 fail_timeout=30s;\n"
                    + upstreamPorts.subList(1, upstreamPorts.size()).stream()
                    .map(p -> "    server 127.0.0.1:" + p + " backup;").collect(Collectors.joining("\n"));
            conf = conf.replace("  upstream mcp_nodes {", "  upstream mcp_streams {\n" + streams + "\n  }\n  upstream mcp_nodes {")
                    .replace("      proxy_pass http://mcp_nodes;",
                            "      if ($request_method = GET) {\n        proxy_pass http://mcp_streams;\n      }\n"
                                    + "      proxy_pass http://mcp_nodes;");
        }
        return conf;
    }

    /**
     * Balances over {@code upstreamPorts} from now on, as an operator (or an ingress controller) does when
     * a node leaves or comes back: the configuration is rewritten and nginx reloaded; requests already
     * proxied finish on their old worker. Returns once every new request goes to {@code upstreamPorts}
     * only (checked on {@code GET /health}, which names the upstream; 10 s at most).
     */
    public void reload(List<Integer> upstreamPorts) {
        try {
            if (!reloadable) {
                throw new IllegalStateException("this nginx keeps idle client connections: start it with startReloadable");
            }
            Files.writeString(prefix.resolve("nginx.conf"), render(prefix, port, upstreamPorts, false, true));
            Processes.Result r = Processes.run(List.of("nginx", "-p", prefix.toString(), "-c",
                    prefix.resolve("nginx.conf").toString(), "-e", prefix.resolve("error.log").toString(), "-s", "reload"), 20);
            if (r.exitCode() != 0) {
                throw new IllegalStateException("nginx -s reload: " + r.output());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> wanted = upstreamPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.toSet());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int inARow = 0;
        while (inARow < 3 * upstreamPorts.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("nginx still sends elsewhere than " + wanted + " 10 s after its reload");
            }
            // A new connection each time (RawHttp): a kept-alive one may belong to a worker of the old configuration.
            String upstream = RawHttp.send(port, "GET", "/health", Map.of(), null).header(UPSTREAM_HEADER);
            inARow = wanted.contains(upstream) ? inARow + 1 : 0;
        }
    }

    private void awaitListening(Path prefix) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx exited: " + Files.readString(prefix.resolve("nginx.out")));
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("nginx not listening on " + port);
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
