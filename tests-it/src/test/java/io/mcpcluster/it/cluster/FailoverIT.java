package io.mcpcluster.it.cluster;

import io.mcpcluster.it.support.FailoverProbe;
import io.mcpcluster.it.support.LocalCluster;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.Processes;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of the node that holds every client's stream (nginx sends GETs to node 1 while it
 * lives, POSTs round-robin) while TypeScript SDK clients call tools through the balancer. Every call
 * not executing on the killed node must be answered correctly; the rest are counted and reported in
 * {@code target/failover-report.txt}, with the time from kill to a resumed stream.
 */
class FailoverIT {
    LocalCluster cluster;

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    private static void report(String line) throws IOException {
        Files.writeString(NodeProcess.root().resolve("target/failover-report.txt"), line + System.lineSeparator(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(line);
    }

    @Test
    void killingTheStreamHolderLosesOnlyWhatItWasExecuting() throws Exception {
        cluster = LocalCluster.start("failover", 3, 3, Map.of(), true);
        String balancer = cluster.balancer().url("");
        Path ready = Files.createTempDirectory("failover-ready");
        CompletableFuture<Processes.Result> streamable = CompletableFuture.supplyAsync(() -> Processes.run(List.of("node",
                "tests-it/node/failover.mjs", balancer + "/mcp", "streamable", "10", "15000",
                ready.resolve("streamable").toString()), 120));
        CompletableFuture<Processes.Result> legacy = CompletableFuture.supplyAsync(() -> Processes.run(List.of("node",
                "tests-it/node/failover.mjs", balancer + "/sse", "sse", "10", "15000",
                ready.resolve("sse").toString()), 120));
        awaitFiles(ready.resolve("streamable"), ready.resolve("sse"));
        // Let them call for a while, then kill the node that holds every stream.
        Thread.sleep(2_000);
        cluster.node(0).kill();
        for (var run : List.of(streamable, legacy)) {
            Processes.Result r = run.join();
            assertEquals(0, r.exitCode(), r.output());
            String summary = r.output().lines().filter(l -> l.startsWith("{")).reduce((x, y) -> y).orElseThrow();
            report("kill -9 of the stream holder under load: " + summary);
            JsonObject totals = McpHttpSession.parse(summary);
            assertEquals(0, totals.getInt("wrong"), summary);
            assertEquals(10, totals.getInt("survived"), "every session goes on after the kill: " + summary);
            assertTrue(totals.getInt("ok") > 100, summary);
            // At most the calls in flight on the killed node: one per session.
            assertTrue(totals.getInt("failed") <= 10, summary);
        }
    }

    /** Polls until the clients wrote their ready files (every session connected). */
    static void awaitFiles(Path... files) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && !java.util.Arrays.stream(files).allMatch(Files::exists)) {
            Thread.sleep(100);
        }
        assertTrue(java.util.Arrays.stream(files).allMatch(Files::exists), "clients did not connect");
    }

    @Test
    void streamResumesOnAnotherNodeSoonAfterItsHolderIsKilled() throws Exception {
        cluster = LocalCluster.start("failover-time", 3, 3, Map.of(), true);
        long millis = FailoverProbe.killAndResume(cluster);
        report(String.format("kill -9 of the stream holder to the stream resumed on another node with the missed "
                + "event: %d ms", millis));
    }
}
