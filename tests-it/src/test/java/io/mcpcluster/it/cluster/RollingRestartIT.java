package io.mcpcluster.it.cluster;

import io.mcpcluster.it.support.LocalCluster;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.Processes;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rolling restart of all three nodes, one at a time, while TypeScript SDK clients call tools through
 * the balancer: no session is lost, no answer is wrong; calls in flight on a stopping node are counted.
 */
class RollingRestartIT {
    LocalCluster cluster;

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void restartingEveryNodeInTurnLosesNoSession() throws IOException, InterruptedException {
        cluster = LocalCluster.start("rolling", 3, 3, Map.of());
        String balancer = cluster.balancer().url("");
        java.nio.file.Path ready = Files.createTempDirectory("rolling-ready");
        CompletableFuture<Processes.Result> streamable = CompletableFuture.supplyAsync(() -> Processes.run(List.of("node",
                "tests-it/node/failover.mjs", balancer + "/mcp", "streamable", "10", "60000",
                ready.resolve("streamable").toString()), 180));
        CompletableFuture<Processes.Result> legacy = CompletableFuture.supplyAsync(() -> Processes.run(List.of("node",
                "tests-it/node/failover.mjs", balancer + "/sse", "sse", "10", "60000",
                ready.resolve("sse").toString()), 180));
        FailoverIT.awaitFiles(ready.resolve("streamable"), ready.resolve("sse"));
        for (int i = 0; i < 3; i++) {
            cluster.restart(i);
        }
        for (var run : List.of(streamable, legacy)) {
            Processes.Result r = run.join();
            assertEquals(0, r.exitCode(), r.output());
            String summary = r.output().lines().filter(l -> l.startsWith("{")).reduce((x, y) -> y).orElseThrow();
            Files.writeString(NodeProcess.root().resolve("target/failover-report.txt"),
                    "rolling restart of 3 nodes under load: " + summary + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            JsonObject totals = McpHttpSession.parse(summary);
            assertEquals(0, totals.getInt("wrong"), summary);
            assertEquals(10, totals.getInt("survived"), "no session lost: " + summary);
            assertTrue(totals.getInt("ok") > 200, summary);
        }
    }
}
