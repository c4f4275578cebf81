package io.mcpcluster.it.support;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * TypeScript SDK sessions calling tools in a loop through a balancer ({@code tests-it/node/failover.mjs}),
 * one run per transport, while a test kills or restarts nodes under them. Each run's summary is
 * appended to {@code target/failover-report.txt}.
 */
public final class LoadClients {
    private static final List<String> TRANSPORTS = List.of("streamable", "sse");
    private final List<CompletableFuture<Processes.Result>> runs = new ArrayList<>();

    private LoadClients() {
    }

    /** Starts {@code sessions} sessions per transport for {@code millis}; returns once all are connected. */
    public static LoadClients start(String balancerBase, int sessions, long millis) throws InterruptedException {
        LoadClients clients = new LoadClients();
        Path ready;
        try {
            ready = Files.createTempDirectory("load-ready");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String transport : TRANSPORTS) {
            String path = transport.equals("sse") ? "/sse" : "/mcp";
            clients.runs.add(CompletableFuture.supplyAsync(() -> Processes.run(List.of("node", "tests-it/node/failover.mjs",
                    balancerBase + path, transport, String.valueOf(sessions), String.valueOf(millis),
                    ready.resolve(transport).toString()), millis / 1000 + 120)));
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline
                && !TRANSPORTS.stream().allMatch(t -> Files.exists(ready.resolve(t)))) {
            Thread.sleep(100);
        }
        if (!TRANSPORTS.stream().allMatch(t -> Files.exists(ready.resolve(t)))) {
            throw new IllegalStateException("load clients did not connect in 60 s");
        }
        return clients;
    }

    /** Waits for both runs; returns their summaries ({@code ok, failed, wrong, survived, errors}). */
    public List<JsonObject> finish(String label) {
        List<JsonObject> summaries = new ArrayList<>();
        for (CompletableFuture<Processes.Result> run : runs) {
            Processes.Result r = run.join();
            if (r.exitCode() != 0) {
                throw new IllegalStateException(r.output());
            }
            String summary = r.output().lines().filter(l -> l.startsWith("{")).reduce((x, y) -> y).orElseThrow();
            try {
                Files.writeString(NodeProcess.root().resolve("target/failover-report.txt"), label + ": " + summary
                        + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            summaries.add(McpHttpSession.parse(summary));
        }
        return summaries;
    }
}
