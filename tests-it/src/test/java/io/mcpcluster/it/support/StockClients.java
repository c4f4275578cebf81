package io.mcpcluster.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Stock MCP client libraries driven as applications run them ({@code tests-it/node/chaos-client.mjs},
 * {@code tests-it/python/chaos_client.py}): each kind runs N sessions calling {@code traced_add} in a
 * loop through the balancer, in its own process, and reports every call ({@link ClientCall}).
 */
public final class StockClients {

    /** A client library and transport; {@code reconnects}: the library itself re-opens a lost stream. */
    public enum Kind {
        TS_STREAMABLE("ts-streamable", "TypeScript SDK 1.32, Streamable HTTP", true),
        TS_SSE("ts-sse", "TypeScript SDK 1.32, legacy SSE", true),
        PY_STREAMABLE("py-streamable", "Python SDK 2.3.0, Streamable HTTP", true),
        // The Python legacy transport has no reconnect at all: the application must start a new session.
        PY_SSE("py-sse", "Python SDK 2.3.0, legacy SSE", false),
        // Not stock: the fetch shim that sends Last-Event-ID on reconnect, as a browser's EventSource does.
        TS_SSE_SHIM("ts-sse-shim", "TypeScript SDK 1.32, legacy SSE + Last-Event-ID shim (extra case, not stock)", true);

        public final String label;
        public final String title;
        public final boolean reconnects;

        Kind(String label, String title, boolean reconnects) {
            this.label = label;
            this.title = title;
            this.reconnects = reconnects;
        }

        public boolean legacy() {
            return label.contains("sse");
        }

        List<String> command(String balancerBase, int sessions, long millis, long callTimeoutMillis, Path out, Path ready) {
            String url = balancerBase + (legacy() ? "/sse" : "/mcp");
            String transport = legacy() ? "sse" : "streamable";
            List<String> common = List.of(url, transport, String.valueOf(sessions), String.valueOf(millis),
                    String.valueOf(callTimeoutMillis), out.toString(), ready.toString());
            List<String> cmd = new ArrayList<>(label.startsWith("py")
                    ? List.of("tests-it/python/.venv/bin/python", "tests-it/python/chaos_client.py")
                    : List.of("node", "tests-it/node/chaos-client.mjs"));
            cmd.addAll(common);
            if (this == TS_SSE_SHIM) {
                cmd.add("--last-event-id-shim");
            }
            return cmd;
        }
    }

    private record Run(Path out, CompletableFuture<Processes.Result> process) {
    }

    private final Map<Kind, Run> runs = new EnumMap<>(Kind.class);

    private StockClients() {
    }

    /** Starts every kind for {@code millis}; returns once all their sessions are connected (60 s at most). */
    public static StockClients start(String balancerBase, List<Kind> kinds, int sessions, long millis,
                                     long callTimeoutMillis) throws InterruptedException {
        if (!Files.isExecutable(NodeProcess.root().resolve("tests-it/python/.venv/bin/python"))) {
            throw new IllegalStateException("The Python MCP SDK is not installed: run tests-it/install-deps.sh");
        }
        StockClients clients = new StockClients();
        Path dir;
        try {
            dir = Files.createDirectories(NodeProcess.root().resolve("target/chaos-clients"));
            for (Kind kind : kinds) {
                Path out = dir.resolve(kind.label + "-" + System.nanoTime() + ".jsonl");
                Path ready = dir.resolve(out.getFileName() + ".ready");
                List<String> cmd = kind.command(balancerBase, sessions, millis, callTimeoutMillis, out, ready);
                clients.runs.put(kind, new Run(out, CompletableFuture.supplyAsync(
                        () -> Processes.run(cmd, (millis + callTimeoutMillis) / 1000 + 90))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && !clients.allReady()) {
            clients.failIfOneEnded();
            Thread.sleep(100);
        }
        if (!clients.allReady()) {
            throw new IllegalStateException("stock clients did not connect in 60 s");
        }
        return clients;
    }

    private boolean allReady() {
        return runs.values().stream().allMatch(r -> Files.exists(Path.of(r.out() + ".ready")));
    }

    private void failIfOneEnded() {
        runs.forEach((kind, run) -> {
            if (run.process().isDone()) {
                throw new IllegalStateException(kind.label + " ended before it connected: " + run.process().join());
            }
        });
    }

    /** Asks every kind to end now rather than at its time: each finishes the call it is making. */
    public void stop() {
        runs.values().forEach(run -> {
            try {
                Files.writeString(Path.of(run.out() + ".stop"), "stop\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Waits for every kind to end; returns the calls each made. */
    public Map<Kind, List<ClientCall>> finish() {
        Map<Kind, List<ClientCall>> calls = new EnumMap<>(Kind.class);
        runs.forEach((kind, run) -> {
            Processes.Result r = run.process().join();
            if (r.exitCode() != 0 || !Files.exists(run.out())) {
                throw new IllegalStateException(kind.label + " exited with " + r.exitCode() + ":\n" + r.output());
            }
            try {
                calls.put(kind, Files.readAllLines(run.out()).stream().filter(l -> !l.isBlank()).map(ClientCall::parse).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return calls;
    }
}
