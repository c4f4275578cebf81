package io.mcpcluster.bench;

import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cache operations per call: the sum of {@code cacheOperations} in the nodes' {@code /health} (they run
 * with {@code mcp.infinispan.statistics=true}) before and after a run of sequential calls, divided by
 * the calls. Everything the nodes did meanwhile counts, background work included.
 */
final class CacheOperationsProbe {
    private static final int CALLS = 200;

    private CacheOperationsProbe() {
    }

    /** {@code properties} with the nodes counting their cache operations. */
    static Map<String, String> counting(Map<String, String> properties) {
        Map<String, String> counted = new HashMap<>(properties);
        counted.put("mcp.infinispan.statistics", "true");
        return counted;
    }

    /** A benchmark row: a stateless 2026-07-28 client and a 2025 session each calling through {@code url}. */
    static String row(String label, List<NodeProcess> nodes, String url) throws Exception {
        double stateless;
        try (BenchClient client = new BenchClient.Stateless(url)) {
            stateless = perCall(nodes, client);
        }
        double session;
        try (BenchClient client = new BenchClient.Streamable(url, url)) {
            session = perCall(nodes, client);
        }
        return String.format("| cache operations | %s: tools/call, %d sequential calls, summed over the nodes "
                + "(reads, writes, removes) | stateless 2026-07-28 %.2f per call; 2025 session %.2f per call |",
                label, CALLS, stateless, session);
    }

    private static double perCall(List<NodeProcess> nodes, BenchClient client) throws Exception {
        long before = sum(nodes);
        for (int i = 0; i < CALLS; i++) {
            client.call();
        }
        return (sum(nodes) - before) / (double) CALLS;
    }

    private static long sum(List<NodeProcess> nodes) {
        long sum = 0;
        for (NodeProcess node : nodes) {
            RawHttp.Response r = RawHttp.send(node.port(), "GET", "/health", NodeProcess.HEALTH_DETAILS, null);
            sum += McpHttpSession.parse(r.body()).getJsonNumber("cacheOperations").longValue();
        }
        return sum;
    }
}
