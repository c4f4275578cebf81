package io.mcpcluster.it.cluster;

import io.mcpcluster.it.support.LoadClients;
import io.mcpcluster.it.support.LocalCluster;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.TimeUnit;

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
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES) // a cluster start, 60 s of load and three node restarts
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
