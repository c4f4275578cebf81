package io.mcpcluster.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official conformance suite ({@code @modelcontextprotocol/conformance}) on Node from npm's cache, run
 * against {@code url}. Its versions are pom properties, handed over by failsafe as system properties
 * ({@code mcp.conformance.version}, {@code mcp.conformance-next.version}, {@code mcp.conformance-node.version}).
 */
public final class Conformance {
    /** Below the default JUnit timeout, so that a stuck run ends with its output rather than the test's timeout. */
    private static final long RUN_TIMEOUT_SECONDS = 240;
    private static final Pattern TOTAL = Pattern.compile("Total: (\\d+) passed, (\\d+) failed");

    /** The 37 scenarios {@code --requirements 2026-07-28} scores (0.2.0-alpha.12). */
    public static final List<String> REQUIRED_2026_07_28 = List.of("server-stateless", "completion-complete",
            "tools-list", "tools-call-simple-text", "tools-call-image", "tools-call-audio",
            "tools-call-embedded-resource", "tools-call-mixed-content", "tools-call-error", "tools-call-with-progress",
            "server-sse-multiple-streams", "resources-list", "resources-read-text", "resources-read-binary",
            "resources-templates-read", "sep-2164-resource-not-found", "prompts-list", "prompts-get-simple",
            "prompts-get-with-args", "prompts-get-embedded-resource", "prompts-get-with-image",
            "dns-rebinding-protection", "caching", "input-required-result-basic-elicitation",
            "input-required-result-basic-sampling", "input-required-result-basic-list-roots",
            "input-required-result-request-state", "input-required-result-multiple-input-requests",
            "input-required-result-multi-round", "input-required-result-missing-input-response",
            "input-required-result-non-tool-request", "input-required-result-result-type",
            "input-required-result-unsupported-methods", "input-required-result-tampered-state",
            "input-required-result-capability-check", "input-required-result-ignore-extra-params",
            "input-required-result-validate-input");
    /** Run in the same requirements but not scored (pending); served here all the same. */
    public static final List<String> UNSCORED_SERVED_2026_07_28 = List.of("http-header-validation",
            "http-custom-header-server-validation", "json-schema-2020-12");
    private static final Pattern SCENARIO = Pattern.compile("(?m)^([✓✗]) ([a-z0-9-]+): (\\d+) passed, (\\d+) failed");

    private Conformance() {
    }

    /**
     * Fails unless every one of {@code scenarios} ran in {@code r}, with at least one passed check and no
     * failed one; returns how many of them did so (for the report).
     */
    public static int assertScenariosPass(Processes.Result r, List<String> scenarios) {
        Map<String, int[]> seen = scenarios(r);
        List<String> failing = scenarios.stream().filter(s -> !seen.containsKey(s) || seen.get(s)[0] == 0
                || seen.get(s)[1] > 0).toList();
        if (!failing.isEmpty()) {
            throw new AssertionError(failing + " must pass:\n" + r.output());
        }
        return scenarios.size();
    }

    /** The scenarios of run {@code r} with at least one failed check. */
    public static List<String> failingScenarios(Processes.Result r) {
        return scenarios(r).entrySet().stream().filter(e -> e.getValue()[1] > 0).map(Map.Entry::getKey).sorted().toList();
    }

    /** Scenario name to {passed, failed} checks, from the summary lines of run {@code r}. */
    private static Map<String, int[]> scenarios(Processes.Result r) {
        Map<String, int[]> seen = new HashMap<>();
        Matcher m = SCENARIO.matcher(r.output());
        while (m.find()) {
            seen.put(m.group(2), new int[] {Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))});
        }
        return seen;
    }

    /** The summary line of a run: {@code Total: P passed, F failed}. */
    public record Totals(int passed, int failed) {
        /** The totals printed by run {@code r}; fails when it printed none. */
        public static Totals of(Processes.Result r) {
            Matcher m = TOTAL.matcher(r.output());
            if (!m.find()) {
                throw new AssertionError("no totals in the conformance output (exit " + r.exitCode() + "):\n" + r.output());
            }
            return new Totals(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }

        @Override
        public String toString() {
            return passed + " passed, " + failed + " failed";
        }
    }

    /** The totals of run {@code r}, printed and appended to {@code target/conformance-report.txt} under {@code label}. */
    public static Totals report(String label, Processes.Result r) {
        Totals totals = Totals.of(r);
        String line = label + ": " + totals + System.lineSeparator();
        System.out.print(line);
        try {
            Files.writeString(NodeProcess.root().resolve("target/conformance-report.txt"), line,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return totals;
    }

    /** The default (active) suite of the stable version. */
    public static Processes.Result run(String url, String... extra) {
        return runVersion(version("mcp.conformance.version"), url, extra);
    }

    /**
     * The scenarios the next version of the suite requires of spec revision {@code revision} (e.g.
     * {@code 2025-11-25}), frozen at that revision's release.
     */
    public static Processes.Result runRequirements(String url, String revision) {
        return runVersion(nextVersion(), url, "--requirements", revision);
    }

    /** The version {@link #runRequirements} runs. */
    public static String nextVersion() {
        return version("mcp.conformance-next.version");
    }

    /**
     * Runs the pending suite (json-schema-2020-12, server-sse-polling) writing per-check JSON, and
     * returns the output followed by the number of WARNING checks as a last line {@code warnings=N}.
     */
    public static Processes.Result runPending(String url) {
        try {
            Path out = Files.createTempDirectory("conformance-pending");
            Processes.Result r = run(url, "--suite", "pending", "-o", out.toString());
            long warnings;
            try (var files = Files.walk(out)) {
                warnings = files.filter(f -> f.getFileName().toString().equals("checks.json"))
                        .mapToLong(Conformance::warnings).sum();
            }
            return new Processes.Result(r.exitCode(), r.output() + "\nwarnings=" + warnings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long warnings(Path checks) {
        try {
            return Files.readString(checks).split("\"status\":\\s*\"WARNING\"", -1).length - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Processes.Result runVersion(String version, String url, String... extra) {
        String args = String.join(" ", extra);
        return Processes.run(List.of("npx", "--yes", "-p", "node@" + version("mcp.conformance-node.version"),
                "-p", "@modelcontextprotocol/conformance@" + version,
                "-c", "conformance server --url " + url + (args.isEmpty() ? "" : " " + args)), RUN_TIMEOUT_SECONDS);
    }

    private static String version(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(property + " is not set: run the tests through Maven (failsafe passes "
                    + "it from the pom's properties)");
        }
        return v;
    }
}
