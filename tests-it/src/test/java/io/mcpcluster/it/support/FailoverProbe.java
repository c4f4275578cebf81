package io.mcpcluster.it.support;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kills the node holding a stream and times how long until the stream is resumed elsewhere with the
 * missed event; meanwhile a bystander session on a surviving node calls a tool in a loop, and the
 * longest of those calls is the stall the view change caused.
 */
public final class FailoverProbe {
    private FailoverProbe() {
    }

    /** @param resumeMillis kill → stream resumed with the missed event; @param stallMillis longest bystander call */
    public record Result(long resumeMillis, long stallMillis) {
    }

    /** The cluster routes GETs to node 0 while it lives (see {@code Nginx.start(ports, true)}). */
    public static Result killAndMeasure(LocalCluster cluster) throws InterruptedException {
        McpHttpSession bystander = McpHttpSession.initialize(cluster.node(2).port(), "2025-06-18");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong longest = new AtomicLong();
        Thread calls = new Thread(() -> {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!stop.get() && System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                bystander.request("tools/call", "{\"name\":\"text_stats\",\"arguments\":{\"text\":\"a b\"}}");
                longest.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
            }
        });
        calls.start();
        try {
            long resume = killAndResume(cluster);
            // The bystander's own records may live on the dead node: let it run through the view change.
            Thread.sleep(3_000);
            return new Result(resume, longest.get());
        } finally {
            stop.set(true);
            calls.join(30_000);
        }
    }

    /** The cluster routes GETs to node 0 while it lives (see {@code Nginx.start(ports, true)}); returns ms. */
    public static long killAndResume(LocalCluster cluster) throws InterruptedException {
        int port = cluster.balancer().port();
        McpHttpSession s = McpHttpSession.initialize(cluster.node(1).port(), "2025-11-25");
        RawHttp.send(cluster.node(1).port(), "POST", "/mcp", s.headers(), "{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"resources/subscribe\",\"params\":{\"uri\":\"demo://notes/operations\"}}");
        Map<String, String> h = new HashMap<>(s.headers());
        h.put("Accept", "text/event-stream");
        String lastId;
        try (EventStream stream = RawHttp.open(port, "GET", "/mcp", h, null)) {
            lastId = stream.nextFrame(5_000).split("\n")[0].substring(4);
            cluster.node(0).kill();
        }
        long killed = System.nanoTime();
        McpHttpSession other = McpHttpSession.initialize(cluster.node(2).port(), "2025-06-18");
        RawHttp.send(cluster.node(2).port(), "POST", "/mcp", other.headers(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                + "\"tools/call\",\"params\":{\"name\":\"touch_note\",\"arguments\":{\"topic\":\"operations\"}}}");
        h.put("Last-Event-ID", lastId);
        while (System.nanoTime() - killed < 30_000_000_000L) {
            try (EventStream again = RawHttp.open(port, "GET", "/mcp", h, null)) {
                if (again.status() == 200) {
                    String data = again.nextData(10_000);
                    if (data != null && data.contains("notifications/resources/updated")) {
                        return (System.nanoTime() - killed) / 1_000_000;
                    }
                }
            } catch (RuntimeException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("stream not resumed in 30 s");
    }
}
