package io.mcpcluster.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
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

    private Conformance() {
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
