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
 * The official conformance suite ({@code @modelcontextprotocol/conformance}, versions in the pom) against a
 * node with the conformance fixtures: the stable version's default suite must be exactly 40 passed,
 * 0 failed; the next version's requirements of spec revision 2025-11-25 must have no failure, those of
 * 2026-07-28 every scored scenario passing. {@code BalancerIT} runs the same through 3 nodes.
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
        Conformance.report("conformance default suite, one node", r);
        assertTrue(r.output().contains("Total: 40 passed, 0 failed"), r.output());
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void nextSuitePassesEveryScenarioThat2025_11_25Requires() {
        Processes.Result r = Conformance.runRequirements(node.url("/mcp"), "2025-11-25");
        Conformance.Totals totals = Conformance.report("conformance " + Conformance.nextVersion()
                + " --requirements 2025-11-25, one node", r);
        assertEquals(0, totals.failed(), r.output());
        assertTrue(totals.passed() > 0, r.output());
        assertEquals(0, r.exitCode(), r.output());
    }

    /**
     * The 2026-07-28 requirements: every one of the 37 scored scenarios passes (the stateless core, caching
     * hints, server-stateless with its -32021, the input-required-result rounds), and so do the unscored
     * http-header-validation, http-custom-header-server-validation ({@code Mcp-Param-*}) and
     * json-schema-2020-12. Not yet: the unscored tasks extension.
     */
    @Test
    void nextSuitePassesEveryScenarioThat2026_07_28Requires() {
        Processes.Result r = Conformance.runRequirements(node.url("/mcp"), "2026-07-28");
        Conformance.report("conformance " + Conformance.nextVersion() + " --requirements 2026-07-28 (checks of all "
                + "scenarios run, the unscored tasks extension included), one node", r);
        assertEquals(37, Conformance.assertScenariosPass(r, Conformance.REQUIRED_2026_07_28));
        Conformance.assertScenariosPass(r, Conformance.UNSCORED_SERVED_2026_07_28);
        assertTrue(Conformance.failingScenarios(r).stream().allMatch(s -> s.startsWith("tasks-")),
                "only the unscored tasks extension may fail: " + Conformance.failingScenarios(r));
    }

    @Test
    void pendingSuitePassesWithoutWarnings() {
        Processes.Result r = Conformance.runPending(node.url("/mcp"));
        assertTrue(r.output().contains("server-sse-polling: 3 passed, 0 failed"), r.output());
        assertTrue(r.output().contains("Total: 7 passed, 0 failed"), r.output());
        assertTrue(r.output().endsWith("warnings=0"), r.output());
    }
}
