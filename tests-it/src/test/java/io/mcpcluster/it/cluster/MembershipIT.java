package io.mcpcluster.it.cluster;

import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.LocalCluster;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Nodes join and leave a running cluster; sessions are not lost. Runs in order on one cluster. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MembershipIT {
    static LocalCluster cluster;
    static final List<McpHttpSession> sessions = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.start("membership", 2, 3, Map.of());
        for (int i = 0; i < 20; i++) {
            sessions.add(McpHttpSession.initialize(cluster.node(i % 2).port(), "2025-06-18"));
        }
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    private static int ping(NodeProcess node, McpHttpSession s) {
        return RawHttp.send(node.port(), "POST", "/mcp", s.headers(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                .status();
    }

    @Test
    @Order(1)
    void joiningNodeServesExistingSessionsAndStreamsHeldElsewhere() {
        NodeProcess joiner = cluster.join();
        for (McpHttpSession s : sessions) {
            assertEquals(200, ping(joiner, s));
        }
        try (EventStream stream = RawHttp.open(cluster.node(0).port(), "GET", "/sse",
                Map.of("Accept", "text/event-stream"), null)) {
            String endpoint = stream.nextFrame(5_000).split("data: ")[1];
            assertEquals(202, RawHttp.send(joiner.port(), "POST", endpoint, Map.of("Content-Type", "application/json"),
                    "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}").status());
            assertEquals(7, McpHttpSession.parse(stream.nextData(10_000)).getInt("id"));
        }
    }

    @Test
    @Order(2)
    void nodeLeavingGracefullyLosesNoSession() {
        cluster.node(0).close();
        for (McpHttpSession s : sessions) {
            assertEquals(200, ping(cluster.node(1), s));
            assertEquals(200, ping(cluster.node(2), s));
        }
    }
}
