package io.mcpcluster.it.support;

import java.util.List;

/** The official conformance suite 0.1.16 on Node 22 (from npm's cache), run against {@code url}. */
public final class Conformance {
    private Conformance() {
    }

    /**
     * Runs the pending suite (json-schema-2020-12, server-sse-polling) writing per-check JSON, and
     * returns the output followed by the number of WARNING checks as a last line {@code warnings=N}.
     */
    public static Processes.Result runPending(String url) {
        try {
            java.nio.file.Path out = java.nio.file.Files.createTempDirectory("conformance-pending");
            Processes.Result r = run(url, "--suite", "pending", "-o", out.toString());
            long warnings;
            try (var files = java.nio.file.Files.walk(out)) {
                warnings = files.filter(f -> f.getFileName().toString().equals("checks.json")).mapToLong(f -> {
                    try {
                        String json = java.nio.file.Files.readString(f);
                        return json.split("\"status\":\\s*\"WARNING\"", -1).length - 1;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).sum();
            }
            return new Processes.Result(r.exitCode(), r.output() + "\nwarnings=" + warnings);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Processes.Result run(String url, String... extra) {
        String args = String.join(" ", extra);
        return Processes.run(List.of("npx", "--yes", "-p", "node@22", "-p", "@modelcontextprotocol/conformance@0.1.16",
                "-c", "conformance server --url " + url + (args.isEmpty() ? "" : " " + args)), 600);
    }
}
