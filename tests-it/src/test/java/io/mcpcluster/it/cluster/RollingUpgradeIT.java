package io.mcpcluster.it.cluster;

import io.mcpcluster.it.support.ClientCall;
import io.mcpcluster.it.support.LocalCluster;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.PreviousRelease;
import io.mcpcluster.it.support.Rollout;
import io.mcpcluster.it.support.ServerCallLog;
import io.mcpcluster.it.support.StockClients;
import io.mcpcluster.it.support.StockClients.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 24, Show: a rolling upgrade from the previous release (pinned in pom.xml, checked out and built by
 * {@link PreviousRelease}) to this build, and back, under the stock clients of {@link RollingDrainIT}:
 * three nodes of the previous release serve sessions, streams and request states; each is replaced by a
 * node of this build ({@link Rollout}: a node without a drain leaves the balancer first), then each of
 * those by the previous release again. Zero failed calls and zero lost sessions, Python's legacy client
 * aside. The caches' formats are docs/FORMATS.md. Appends its table to {@code target/chaos-report.txt}.
 */
class RollingUpgradeIT {
    static final int SESSIONS = 4;
    /** At most: the clients are stopped {@value #LOAD_AFTER_MILLIS} ms after the last node is back. */
    static final long LOAD_MILLIS = 900_000;
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
    @Timeout(value = 30, unit = TimeUnit.MINUTES) // building the previous release (once per target/), then 6 replacements
    void upgradingFromThePreviousReleaseAndBackFailsNoCallAndLosesNoSession() throws Exception {
        Path previous = PreviousRelease.build();
        Path current = NodeProcess.root();
        cluster = LocalCluster.startFrom(previous, "upgrade", 3, Map.of("mcp.drain.delay.millis", "5000",
                "mcp.legacy.grace.millis", "10000"));
        long loadEnds = System.currentTimeMillis() + LOAD_MILLIS;
        StockClients clients = StockClients.start(cluster.balancer().url(""), KINDS, SESSIONS, LOAD_MILLIS,
                CALL_TIMEOUT_MILLIS);
        Thread.sleep(5_000);
        long firstStop = System.currentTimeMillis();
        for (int i = 0; i < 3; i++) {
            Rollout.replace(cluster, i, n -> cluster.startAgain(n, current));
        }
        long upgraded = System.currentTimeMillis();
        for (int i = 0; i < 3; i++) {
            Rollout.replace(cluster, i, n -> cluster.startAgain(n, previous));
        }
        long rolledBack = System.currentTimeMillis();
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
        String title = "rolling upgrade from " + previous.getFileName().toString().substring(0, 7) + " to this build ("
                + (upgraded - firstStop) + " ms) and back (" + (rolledBack - upgraded) + " ms)";
        Files.writeString(NodeProcess.root().resolve("target/chaos-report.txt"), "\n## " + Instant.now() + " — " + title
                        + "\n" + ChaosVerdict.header() + "\n" + String.join("\n", rows) + "\n"
                        + (violations.isEmpty() ? "all assertions hold\n" : String.join("\n", violations) + "\n"),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertTrue(rolledBack + LOAD_AFTER_MILLIS < loadEnds, "the six replacements took " + (rolledBack - firstStop)
                + " ms: the clients' load ended before the last node was back");
        assertTrue(violations.isEmpty(), violations.size() + " assertions failed:\n" + String.join("\n", violations));
    }
}
