package io.mcpcluster.it.clients;

import io.mcpcluster.it.support.Conformance;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official conformance suite, {@code @modelcontextprotocol/conformance@0.1.16} on Node 22, against a
 * node with the conformance fixtures. Its summary line must be exactly 40 passed, 0 failed.
 */
class ConformanceSuiteIT {
    static NodeProcess node;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("conformance", Map.of("mcp.features", "conformance,demo"));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void defaultSuitePassesEveryCheck() {
        Processes.Result r = Conformance.run(node.url("/mcp"));
        assertTrue(r.output().contains("Total: 40 passed, 0 failed"), r.output());
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void pendingSuitePassesWithoutWarnings() {
        Processes.Result r = Conformance.runPending(node.url("/mcp"));
        assertTrue(r.output().contains("server-sse-polling: 3 passed, 0 failed"), r.output());
        assertTrue(r.output().contains("Total: 7 passed, 0 failed"), r.output());
        assertTrue(r.output().endsWith("warnings=0"), r.output());
    }
}
