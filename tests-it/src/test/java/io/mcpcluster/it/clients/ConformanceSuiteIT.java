package io.mcpcluster.it.clients;

import io.mcpcluster.it.support.Conformance;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official conformance suite ({@code @modelcontextprotocol/conformance}, versions in the pom) against a
 * node with the conformance fixtures: the stable version's default suite must be exactly 40 passed,
 * 0 failed; the next version's requirements of spec revision 2025-11-25 must have no failure.
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
     * The 2026-07-28 requirements: every one of the 37 required scenarios passes, the stateless core
     * (discover, headers, tools, resources, prompts, completion, caching hints), server-stateless with its
     * -32021 and the input-required-result (MRTR) rounds, and the unscored http-header-validation. Not yet:
     * the unscored tasks extension, json-schema-2020-12 and http-custom-header-server-validation.
     */
    @Test
    void nextSuitePassesEveryScenarioThat2026_07_28Requires() {
        Processes.Result r = Conformance.runRequirements(node.url("/mcp"), "2026-07-28");
        Conformance.report("conformance " + Conformance.nextVersion() + " --requirements 2026-07-28, one node", r);
        List<String> passing = List.of("completion-complete", "tools-list", "tools-call-simple-text", "tools-call-image",
                "tools-call-audio", "tools-call-embedded-resource", "tools-call-mixed-content", "tools-call-error",
                "tools-call-with-progress", "server-sse-multiple-streams", "resources-list", "resources-read-text",
                "resources-read-binary", "resources-templates-read", "sep-2164-resource-not-found", "prompts-list",
                "prompts-get-simple", "prompts-get-with-args", "prompts-get-embedded-resource", "prompts-get-with-image",
                "dns-rebinding-protection", "caching", "input-required-result-missing-input-response",
                "input-required-result-unsupported-methods", "input-required-result-ignore-extra-params",
                "input-required-result-validate-input", "http-header-validation", "server-stateless",
                "input-required-result-basic-elicitation", "input-required-result-basic-sampling",
                "input-required-result-basic-list-roots", "input-required-result-request-state",
                "input-required-result-multiple-input-requests", "input-required-result-multi-round",
                "input-required-result-non-tool-request", "input-required-result-result-type",
                "input-required-result-tampered-state", "input-required-result-capability-check");
        for (String scenario : passing) {
            assertTrue(r.output().contains("✓ " + scenario + ":"), scenario + " must pass:\n" + r.output());
        }
    }

    @Test
    void pendingSuitePassesWithoutWarnings() {
        Processes.Result r = Conformance.runPending(node.url("/mcp"));
        assertTrue(r.output().contains("server-sse-polling: 3 passed, 0 failed"), r.output());
        assertTrue(r.output().contains("Total: 7 passed, 0 failed"), r.output());
        assertTrue(r.output().endsWith("warnings=0"), r.output());
    }
}
