package io.mcpcluster.bench;

import io.mcpcluster.baseline.JavaSdkBaselineServer;
import io.mcpcluster.it.support.LocalCluster;
import io.mcpcluster.it.support.FailoverProbe;
import io.mcpcluster.it.support.NodeProcess;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark command ({@code ./dev bench}): starts what it measures (the MCP Java SDK baseline,
 * one mcp-cluster node, a 3-node cluster behind nginx), drives them with the same client code on the
 * same machine in the same run, prints a table with each goal met or not, and writes it to
 * {@code docs/BENCHMARKS.md}. Figures are ratios to the baseline measured alongside, since these
 * machines are noisy. Arguments: {@code [quick]} for a short smoke run; {@code failover} runs P4
 * alone (10 tries) and {@code stateless} the 2026-07-28 rows alone, each printed without writing the report.
 */
public final class Benchmarks {
    private static final String BASELINE = "(a) Java SDK " + JavaSdkBaselineServer.SDK_VERSION;
    private final boolean quick;
    private final List<String> rows = new ArrayList<>();
    private final List<String> goals = new ArrayList<>();

    private Benchmarks(boolean quick) {
        this.quick = quick;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "";
        Benchmarks b = new Benchmarks(mode.equals("quick"));
        try {
            if (mode.equals("failover")) {
                b.failover();
            } else if (mode.equals("stateless")) {
                b.stateless(Map.of("mcp.features", "demo", "mcp.worker.threads", "64"));
            } else {
                b.run();
            }
        } finally {
            // The JDK HTTP client keeps threads; the benchmark is done.
            System.exit(0);
        }
    }

    private void run() throws Exception {
        Map<String, String> demo = Map.of("mcp.features", "demo", "mcp.worker.threads", "64");
        double[] a;
        double[] aLegacy;
        double tputA;
        double tputALegacy;
        try (NodeProcess baseline = NodeProcess.startTestMain("bench-java-sdk", "io.mcpcluster.baseline.JavaSdkBaselineServer",
                "java-sdk-baseline listening")) {
            a = latency(BASELINE + ", Streamable", () -> new BenchClient.Streamable(baseline.url("/mcp"), baseline.url("/mcp")));
            aLegacy = latency(BASELINE + ", legacy SSE", () -> new BenchClient.Legacy(baseline.port(), baseline.port()));
            tputA = throughput(BASELINE + ", Streamable", () -> new BenchClient.Streamable(baseline.url("/mcp"), baseline.url("/mcp")));
            tputALegacy = throughput(BASELINE + ", legacy SSE", () -> new BenchClient.Legacy(baseline.port(), baseline.port()));
        }
        double tputB;
        double tputBLegacy;
        try (NodeProcess single = NodeProcess.start("bench-single", demo)) {
            latency("(b) mcp-cluster, 1 node, Streamable", () -> new BenchClient.Streamable(single.url("/mcp"), single.url("/mcp")));
            latency("(b) mcp-cluster, 1 node, legacy SSE", () -> new BenchClient.Legacy(single.port(), single.port()));
            tputB = throughput("(b) mcp-cluster, 1 node, Streamable", () -> new BenchClient.Streamable(single.url("/mcp"), single.url("/mcp")));
            tputBLegacy = throughput("(b) mcp-cluster, 1 node, legacy SSE", () -> new BenchClient.Legacy(single.port(), single.port()));
        }
        double[] c;
        double[] cLegacy;
        double tputD;
        double tputDLegacy;
        try (LocalCluster cluster = LocalCluster.start("bench", 3, 3, demo)) {
            NodeProcess n1 = cluster.node(0);
            NodeProcess n2 = cluster.node(1);
            c = latency("(c) mcp-cluster, 3 nodes, Streamable, session on node 1, POSTs to node 2",
                    () -> new BenchClient.Streamable(n1.url("/mcp"), n2.url("/mcp")));
            cLegacy = latency("(c) mcp-cluster, 3 nodes, legacy SSE, stream on node 1, POSTs to node 2",
                    () -> new BenchClient.Legacy(n1.port(), n2.port()));
            int lb = cluster.balancer().port();
            tputD = throughput("(d) mcp-cluster, 3 nodes behind nginx, Streamable",
                    () -> new BenchClient.Streamable(cluster.balancer().url("/mcp"), cluster.balancer().url("/mcp")));
            tputDLegacy = throughput("(d) mcp-cluster, 3 nodes behind nginx, legacy SSE", () -> new BenchClient.Legacy(lb, lb));
        }
        goal("P1 (c) median ≤ 1.3 × (a), Streamable", c[0] / a[0], c[0] <= 1.3 * a[0]);
        goal("P1 (c) median ≤ 1.3 × (a), legacy SSE", cLegacy[0] / aLegacy[0], cLegacy[0] <= 1.3 * aLegacy[0]);
        goal("P2 (b) ≥ 1.0 × (a), Streamable", tputB / tputA, tputB >= tputA);
        goal("P2 (b) ≥ 1.0 × (a), legacy SSE", tputBLegacy / tputALegacy, tputBLegacy >= tputALegacy);
        goal("P2 (d) ≥ 0.6 × (b), Streamable", tputD / tputB, tputD >= 0.6 * tputB);
        goal("P2 (d) ≥ 0.6 × (b), legacy SSE", tputDLegacy / tputBLegacy, tputDLegacy >= 0.6 * tputBLegacy);
        stateless(demo);
        idleStreams(quick ? 1_000 : 10_000);
        failover();
        writeReport();
    }

    /** Stateless 2026-07-28 tools/call, 1 node and 3 behind nginx: cache operations, latency, throughput, ratio (no goal). */
    private void stateless(Map<String, String> demo) throws Exception {
        double one;
        Map<String, String> counting = CacheOperationsProbe.counting(demo);
        try (NodeProcess single = NodeProcess.start("bench-stateless", counting)) {
            row(CacheOperationsProbe.row("1 node", List.of(single), single.url("/mcp")));
            latency("(b) mcp-cluster, 1 node, stateless 2026-07-28", () -> new BenchClient.Stateless(single.url("/mcp")));
            one = throughput("(b) mcp-cluster, 1 node, stateless 2026-07-28", () -> new BenchClient.Stateless(single.url("/mcp")));
        }
        try (LocalCluster cluster = LocalCluster.start("bench-stateless", 3, 3, counting)) {
            String lb = cluster.balancer().url("/mcp");
            row(CacheOperationsProbe.row("3 nodes behind nginx", List.of(cluster.node(0), cluster.node(1), cluster.node(2)), lb));
            latency("(d) mcp-cluster, 3 nodes behind nginx, stateless 2026-07-28", () -> new BenchClient.Stateless(lb));
            double three = throughput("(d) mcp-cluster, 3 nodes behind nginx, stateless 2026-07-28",
                    () -> new BenchClient.Stateless(lb));
            row(String.format("| P2 ratio | stateless 2026-07-28 tools/call: 3 nodes behind nginx ÷ 1 node (no goal; "
                    + "the clients and all 3 nodes share the same cores) | %.2f |", three / one));
        }
    }

    interface ClientFactory {
        BenchClient open() throws Exception;
    }

    /** P1: sequential calls on one session; returns {p50, p99, p99.9} in ms. */
    private double[] latency(String label, ClientFactory factory) throws Exception {
        int warmup = quick ? 200 : 1_000;
        int n = quick ? 500 : 3_000;
        try (BenchClient client = factory.open()) {
            for (int i = 0; i < warmup; i++) {
                client.call();
            }
            long[] nanos = new long[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                client.call();
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            double[] p = {ms(nanos[n / 2]), ms(nanos[(int) (n * 0.99)]), ms(nanos[Math.min(n - 1, (int) (n * 0.999))])};
            row(String.format("| P1 latency | %s | p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms (%d calls) |", label, p[0], p[1], p[2], n));
            return p;
        }
    }

    /** P2: 64 sessions calling in a loop for a fixed time; returns calls per second. */
    private double throughput(String label, ClientFactory factory) throws Exception {
        int sessions = 64;
        long millis = quick ? 3_000 : 10_000;
        List<BenchClient> clients = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            clients.add(factory.open());
        }
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        AtomicLong calls = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long warmEnd = System.currentTimeMillis() + 2_000;
        long end = warmEnd + millis;
        List<Future<?>> running = new ArrayList<>();
        for (BenchClient client : clients) {
            running.add(pool.submit((Callable<Void>) () -> {
                while (System.currentTimeMillis() < end) {
                    try {
                        client.call();
                        if (System.currentTimeMillis() >= warmEnd) {
                            calls.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(millis + 60_000, TimeUnit.MILLISECONDS);
        }
        pool.shutdown();
        for (BenchClient c : clients) {
            c.close();
        }
        double perSecond = calls.get() * 1000.0 / millis;
        row(String.format("| P2 throughput | %s | %.0f calls/s (64 sessions, %d s, %d failed) |", label, perSecond,
                millis / 1000, failures.get()));
        return perSecond;
    }

    /** P3: idle legacy SSE streams held open on one node: heap, threads, bytes per stream. */
    private void idleStreams(int count) throws Exception {
        try (NodeProcess node = NodeProcess.start("bench-idle", Map.of("mcp.features", "demo"))) {
            long heapBefore = ProcessProbes.usedHeapAfterGc(node.pid());
            int threadsBefore = ProcessProbes.threads(node.pid());
            List<Socket> sockets = new ArrayList<>();
            byte[] request = ("GET /sse HTTP/1.1\r\nHost: 127.0.0.1:" + node.port() + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < count; i++) {
                    Socket s = new Socket(InetAddress.getLoopbackAddress(), node.port());
                    s.setSoTimeout(10_000);
                    s.getOutputStream().write(request);
                    byte[] buf = new byte[1024];
                    String got = "";
                    long deadline = System.currentTimeMillis() + 10_000;
                    while (!got.contains("sessionId=")) {
                        if (System.currentTimeMillis() > deadline) {
                            throw new IOException("stream " + i + " sent no endpoint in 10 s: " + got);
                        }
                        int n = s.getInputStream().read(buf);
                        if (n < 0) {
                            throw new IOException("stream " + i + " closed");
                        }
                        got += new String(buf, 0, n, StandardCharsets.US_ASCII);
                    }
                    sockets.add(s);
                }
                long heapAfter = ProcessProbes.usedHeapAfterGc(node.pid());
                int threadsAfter = ProcessProbes.threads(node.pid());
                long perStream = (heapAfter - heapBefore) / count;
                row(String.format("| P3 idle streams | %d legacy SSE streams on 1 node (-Xmx512m) | heap after GC %d MB "
                                + "(+%d MB), %d bytes per stream, threads %d → %d |", count, heapAfter >> 20,
                        (heapAfter - heapBefore) >> 20, perStream, threadsBefore, threadsAfter));
                goal("P3 " + count + " streams within a 512 MB heap, no thread per stream",
                        heapAfter / (512.0 * 1024 * 1024), heapAfter < 512L * 1024 * 1024 && threadsAfter - threadsBefore < count / 10);
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    /**
     * P4: kill -9 of the node holding a stream, until the stream is resumed elsewhere with the missed
     * event, in 10 fresh clusters (3 in a quick run); and the stall a bystander session sees meanwhile.
     */
    private void failover() throws Exception {
        List<Long> times = new ArrayList<>();
        List<Long> stalls = new ArrayList<>();
        for (int round = 0; round < (quick ? 3 : 10); round++) {
            try (LocalCluster cluster = LocalCluster.start("bench-failover", 3, 3, Map.of("mcp.features", "demo"), true)) {
                FailoverProbe.Result r = FailoverProbe.killAndMeasure(cluster);
                times.add(r.resumeMillis());
                stalls.add(r.stallMillis());
            }
        }
        List<Long> sorted = times.stream().sorted().toList();
        long worst = sorted.get(sorted.size() - 1);
        row(String.format("| P4 failover | kill -9 of the stream holder → stream resumed on another node with the missed event, "
                + "%d tries (sorted) | %s ms; median %d ms, worst %d ms |", times.size(), sorted,
                sorted.get(sorted.size() / 2), worst));
        row(String.format("| P4 stall | longest tools/call of a bystander session on a surviving node across the kill "
                + "(sorted) | %s ms |", stalls.stream().sorted().toList()));
        goal("P4 failover ≤ 3 s in every one of " + times.size() + " tries (worst)", worst / 3000.0, worst <= 3_000);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private void row(String row) {
        rows.add(row);
        System.out.println(row);
    }

    private void goal(String name, double ratio, boolean met) {
        String line = String.format("| %s | %.2f | %s |", name, ratio, met ? "met" : "not met");
        goals.add(line);
        System.out.println(line);
    }

    private void writeReport() throws Exception {
        String machine = ProcessProbes.run("sh", "-c", "nproc; grep -m1 'model name' /proc/cpuinfo; free -g | sed -n 2p; java -version 2>&1 | head -1")
                .replace("\n", "; ").trim();
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append("Measured by `./dev bench").append(quick ? " quick" : "").append("` on ").append(ZonedDateTime.now())
                .append(".\n\nMachine: ").append(machine).append("\n\n")
                .append("Every figure comes from the same run on the same machine as its baseline (the MCP Java SDK ")
                .append(JavaSdkBaselineServer.SDK_VERSION).append(" servlet providers in embedded Jetty, one JVM), with the same client code "
                        + "(`tests-it/src/test/java/io/mcpcluster/bench`). Servers run with `-Xmx512m`.\n\n")
                .append("| benchmark | what | figure |\n|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        md.append("\n| goal | ratio | |\n|---|---|---|\n");
        goals.forEach(g -> md.append(g).append('\n'));
        Path out = NodeProcess.root().resolve("docs/BENCHMARKS.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println("written to " + out);
    }
}
