package io.mcpcluster.it.cluster;

import io.mcpcluster.it.support.ClientCall;
import io.mcpcluster.it.support.LocalCluster;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.Rollout;
import io.mcpcluster.it.support.ServerCallLog;
import io.mcpcluster.it.support.StockClients;
import io.mcpcluster.it.support.StockClients.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 24, Show: a rolling restart with drain under the stock TypeScript and Python SDK clients, both
 * transports (4 sessions each, calling {@code traced_add} through nginx), on the Kubernetes-like path of
 * {@link Rollout}: zero failed calls and zero lost sessions, Python's legacy client aside (its transport
 * closes the session when its stream ends: docs/CLIENTS.md). Appends its table to
 * {@code target/chaos-report.txt}.
 */
class RollingDrainIT {
    static final int SESSIONS = 4;
    /** At most: the clients are stopped {@value #LOAD_AFTER_MILLIS} ms after the last node is back. */
    static final long LOAD_MILLIS = 480_000;
    static final long LOAD_AFTER_MILLIS = 10_000;
    static final long CALL_TIMEOUT_MILLIS = 15_000;
    static final List<Kind> KINDS = List.of(Kind.values());

    LocalCluster cluster;

    @AfterEach
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void drainedRollingRestartFailsNoCallAndLosesNoSession() throws Exception {
        cluster = LocalCluster.startFrom(NodeProcess.root(), "rolling-drain", 3, Map.of("mcp.drain.delay.millis", "5000",
                "mcp.legacy.grace.millis", "10000"));
        long loadEnds = System.currentTimeMillis() + LOAD_MILLIS;
        StockClients clients = StockClients.start(cluster.balancer().url(""), KINDS, SESSIONS, LOAD_MILLIS,
                CALL_TIMEOUT_MILLIS);
        Thread.sleep(5_000);
        long firstStop = System.currentTimeMillis();
        for (int i = 0; i < 3; i++) {
            Rollout.restart(cluster, i);
        }
        long lastBack = System.currentTimeMillis();
        Thread.sleep(LOAD_AFTER_MILLIS);
        clients.stop();
        Map<Kind, List<ClientCall>> calls = clients.finish();

        ServerCallLog server = ServerCallLog.read(IntStream.range(0, 3).mapToObj(i -> cluster.node(i).log()).toList());
        List<String> violations = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (Kind kind : KINDS) {
            ChaosVerdict v = new ChaosVerdict(kind, calls.get(kind), server, "", firstStop);
            rows.add(v.row());
            violations.addAll(v.wrongAnswers());
            if (kind.reconnects) {
                violations.addAll(v.deadSessions());
                violations.addAll(v.failedCalls());
            }
        }
        report(rows, violations, server, lastBack - firstStop);
        assertTrue(lastBack + LOAD_AFTER_MILLIS < loadEnds, "the three replacements took " + (lastBack - firstStop)
                + " ms: the clients' load ended before the last node was back");
        assertTrue(violations.isEmpty(), violations.size() + " assertions failed:\n" + String.join("\n", violations));
    }

    private static void report(List<String> rows, List<String> violations, ServerCallLog server, long rolloutMillis)
            throws IOException {
        String text = "\n## " + Instant.now() + " — rolling restart with drain (Kubernetes-like: readiness off, nginx "
                + "reloaded without the node, SIGTERM drain, start, ready, reloaded with it), " + rolloutMillis
                + " ms for 3 nodes\n" + ChaosVerdict.header() + "\n" + String.join("\n", rows) + "\n(server side: "
                + server.executedTwice() + " session calls executed twice)\n"
                + (violations.isEmpty() ? "all assertions hold\n" : String.join("\n", violations) + "\n");
        Files.writeString(NodeProcess.root().resolve("target/chaos-report.txt"), text,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
