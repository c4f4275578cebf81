package io.mcpcluster.it.cluster;

import io.mcpcluster.it.support.LoadClients;
import io.mcpcluster.it.support.LocalCluster;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
    void restartingEveryNodeInTurnLosesNoSession() throws InterruptedException {
        cluster = LocalCluster.start("rolling", 3, 3, Map.of());
        LoadClients clients = LoadClients.start(cluster.balancer().url(""), 10, 60_000);
        for (int i = 0; i < 3; i++) {
            cluster.restart(i);
        }
        for (JsonObject totals : clients.finish("rolling restart of 3 nodes under load")) {
            assertEquals(0, totals.getInt("wrong"), totals.toString());
            assertEquals(10, totals.getInt("survived"), "no session lost: " + totals);
            assertTrue(totals.getInt("ok") > 200, totals.toString());
        }
    }
}
