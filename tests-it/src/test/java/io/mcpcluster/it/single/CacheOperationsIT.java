package io.mcpcluster.it.single;

import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.ModernHttp;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a call costs in cache operations, as a node with {@code mcp.infinispan.statistics} counts them
 * in {@code /health}: the stateless 2026-07-28 {@code tools/call} touches no cache, a 2025 session's does.
 */
@Timeout(120)
class CacheOperationsIT {
    static NodeProcess node;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("cache-operations", Map.of("mcp.infinispan.statistics", "true"));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void statelessCallsLeaveTheCountAsItWasAndASessionCallRaisesIt() {
        long before = cacheOperations(node);
        for (int i = 0; i < 20; i++) {
            ModernHttp.callTool(node.port(), "text_stats", "{\"text\":\"a b c\"}");
        }
        assertEquals(before, cacheOperations(node), "20 stateless tools/call touched the caches");

        McpHttpSession session = McpHttpSession.initialize(node.port(), "2025-06-18");
        long afterInitialize = cacheOperations(node);
        assertTrue(afterInitialize > before, "initialize stored no session");
        session.request("tools/call", "{\"name\":\"text_stats\",\"arguments\":{\"text\":\"a b c\"}}");
        assertTrue(cacheOperations(node) > afterInitialize, "a session's tools/call touched no cache");
    }

    @Test
    void healthSaysNoCountWhenStatisticsAreOff() {
        try (NodeProcess plain = NodeProcess.start("cache-operations-off", Map.of())) {
            String body = RawHttp.send(plain.port(), "GET", "/health", NodeProcess.HEALTH_DETAILS, null).body();
            assertFalse(McpHttpSession.parse(body).containsKey("cacheOperations"), body);
        }
    }

    /** The node's {@code cacheOperations} as {@code /health} tells it to the holder of the token. */
    static long cacheOperations(NodeProcess node) {
        RawHttp.Response r = RawHttp.send(node.port(), "GET", "/health", NodeProcess.HEALTH_DETAILS, null);
        assertEquals(200, r.status(), r.body());
        return McpHttpSession.parse(r.body()).getJsonNumber("cacheOperations").longValue();
    }
}
