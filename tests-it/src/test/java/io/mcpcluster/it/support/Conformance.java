package io.mcpcluster.it.support;

import java.util.List;

/** The official conformance suite 0.1.16 on Node 22 (from npm's cache), run against {@code url}. */
public final class Conformance {
    private Conformance() {
    }

    public static Processes.Result run(String url, String... extra) {
        String args = String.join(" ", extra);
        return Processes.run(List.of("npx", "--yes", "-p", "node@22", "-p", "@modelcontextprotocol/conformance@0.1.16",
                "-c", "conformance server --url " + url + (args.isEmpty() ? "" : " " + args)), 600);
    }
}
