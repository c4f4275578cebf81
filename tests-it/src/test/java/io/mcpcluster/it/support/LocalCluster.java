package io.mcpcluster.it.support;

import jakarta.json.Json;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * N clustered nodes (separate JVMs, JGroups TCP on loopback with TCPPING) behind a real nginx
 * round-robin balancer. Spare JGroups ports are reserved so that nodes can join later.
 */
public final class LocalCluster implements AutoCloseable {
    private final String name;
    private final List<Integer> jgroupsPorts;
    private final List<NodeProcess> nodes = new ArrayList<>();
    private final Map<String, String> extra;
    private final Path build;
    private Nginx nginx;

    private LocalCluster(String name, int capacity, Map<String, String> extra, Path build) {
        this.name = name;
        this.extra = extra;
        this.build = build;
        this.jgroupsPorts = IntStream.range(0, capacity).map(i -> NodeProcess.freePort()).boxed().toList();
    }

    /** Starts {@code size} nodes in parallel (room for {@code capacity} in all) and the balancer. */
    public static LocalCluster start(String name, int size, int capacity, Map<String, String> extra) {
        return start(name, size, capacity, extra, false);
    }

    /** As above; {@code streamsOnFirst} routes GET streams to node 0 while it lives (see {@link Nginx}). */
    public static LocalCluster start(String name, int size, int capacity, Map<String, String> extra,
                                     boolean streamsOnFirst) {
        return start(name, size, capacity, extra, streamsOnFirst, NodeProcess.freePort());
    }

    /** As above, with the balancer on {@code balancerPort} (the nodes' public URL names it). */
    public static LocalCluster start(String name, int size, int capacity, Map<String, String> extra,
                                     boolean streamsOnFirst, int balancerPort) {
        return start(name, size, capacity, extra, streamsOnFirst, balancerPort, NodeProcess.root());
    }

    /**
     * Every node from the build in {@code build} (this one, or another release: {@link PreviousRelease}),
     * behind a balancer that {@link Rollout} reloads ({@link Nginx#startReloadable}).
     */
    public static LocalCluster startFrom(Path build, String name, int size, Map<String, String> extra) {
        return start(name, size, size, extra, false, -1, build);
    }

    private static LocalCluster start(String name, int size, int capacity, Map<String, String> extra,
                                      boolean streamsOnFirst, int balancerPort, Path build) {
        LocalCluster c = new LocalCluster(name, capacity, extra, build);
        List<CompletableFuture<NodeProcess>> starting = IntStream.range(0, size)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> c.launch(i))).toList();
        try {
            starting.forEach(f -> c.nodes.add(f.join()));
            c.awaitOneCluster();
            List<Integer> ports = c.nodes.stream().map(NodeProcess::port).toList();
            c.nginx = balancerPort < 0 ? Nginx.startReloadable(ports) : Nginx.start(ports, streamsOnFirst, balancerPort);
            return c;
        } catch (RuntimeException e) {
            // A node or nginx failed to start: stop what did start before reporting it.
            starting.forEach(f -> f.thenAccept(NodeProcess::close));
            throw e;
        }
    }

    /**
     * Waits until every node's {@code /health} lists all nodes: nodes started together on a busy
     * machine may first form clusters of one, which JGroups merges a few seconds later.
     */
    public void awaitOneCluster() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (NodeProcess n : nodes) {
            while (members(http, n) < nodes.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("node on port " + n.port() + " did not see " + nodes.size() + " members in 90 s");
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static int members(HttpClient http, NodeProcess n) {
        try {
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.port() + "/health"))
                    .header("X-Health-Token", NodeProcess.HEALTH_TOKEN).timeout(Duration.ofSeconds(5)).build();
            String body = http.send(get, HttpResponse.BodyHandlers.ofString()).body();
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject().getJsonArray("members").size();
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Stops node {@code index} gracefully and starts it again on the same ports. */
    public NodeProcess restart(int index) {
        int port = nodes.get(index).port();
        nodes.get(index).close();
        NodeProcess n = launch(index, port);
        nodes.set(index, n);
        return n;
    }

    /** Starts node {@code index} again on its ports, after it exited (a drained node, say). */
    public NodeProcess startAgain(int index) {
        return startAgain(index, build);
    }

    /** As above, from the build in {@code from}: a rolling upgrade, or its roll-back. */
    public NodeProcess startAgain(int index, Path from) {
        NodeProcess n = launch(index, nodes.get(index).port(), Map.of(), from);
        nodes.set(index, n);
        return n;
    }

    /** The HTTP ports of the nodes, in order (the balancer's upstreams). */
    public List<Integer> ports() {
        return nodes.stream().map(NodeProcess::port).toList();
    }

    private NodeProcess launch(int index) {
        return launch(index, NodeProcess.freePort());
    }

    private NodeProcess launch(int index, int httpPort) {
        return launch(index, httpPort, Map.of());
    }

    private NodeProcess launch(int index, int httpPort, Map<String, String> more) {
        return launch(index, httpPort, more, build);
    }

    private NodeProcess launch(int index, int httpPort, Map<String, String> more, Path from) {
        Map<String, String> props = new HashMap<>(extra);
        props.putAll(more);
        props.put("mcp.infinispan.config", from.resolve("webapp-config/infinispan.xml").toString());
        props.put("mcp.jgroups.bind.port", String.valueOf(jgroupsPorts.get(index)));
        props.put("mcp.jgroups.initial.hosts", jgroupsPorts.stream().map(p -> "127.0.0.1[" + p + "]")
                .collect(Collectors.joining(",")));
        props.put("mcp.cluster.name", name + "-" + jgroupsPorts.get(0));
        props.put("mcp.node.name", name + "-node" + (index + 1));
        return NodeProcess.start(name + "-node" + (index + 1), props, httpPort, from);
    }

    /** Starts one more node, which joins the running cluster (not behind the balancer). */
    public NodeProcess join() {
        NodeProcess n = launch(nodes.size());
        nodes.add(n);
        return n;
    }

    /**
     * Starts a node on the next reserved JGroups port with the same cluster name and peers, but with
     * {@code properties} added (e.g. another cluster key store); not kept by this cluster, the caller stops it.
     */
    public NodeProcess outsider(Map<String, String> properties) {
        return launch(nodes.size(), NodeProcess.freePort(), properties);
    }

    public NodeProcess node(int index) {
        return nodes.get(index);
    }

    public Nginx balancer() {
        return nginx;
    }

    @Override
    public void close() {
        if (nginx != null) {
            nginx.close();
        }
        nodes.forEach(NodeProcess::close);
    }
}
