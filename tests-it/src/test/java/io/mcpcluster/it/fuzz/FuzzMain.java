package io.mcpcluster.it.fuzz;

import io.mcpcluster.it.support.NodeProcess;
import jakarta.json.Json;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./dev fuzz [N] [--seed S] [--from I]}: N cases (default 100,000) of seed S from index I against
 * a node it starts; {@code ./dev fuzz --replay FILE} sends the cases a run recorded, one by one, each
 * followed by a bystander check. Prints the failures by group with one reproducer each; exit status 1
 * when any case failed.
 */
public final class FuzzMain {
    static final long DEFAULT_SEED = 13;

    private FuzzMain() {
    }

    /** {@code target/fuzz/failures-<run>seed<S>.jsonl}: {@code run} keeps the suite's file apart from a manual run's. */
    static Path failuresFile(String run, long seed) {
        return NodeProcess.root().resolve("target/fuzz/failures-" + run + "seed" + seed + ".jsonl");
    }

    public static void main(String[] args) throws IOException {
        long count = 100_000;
        long seed = DEFAULT_SEED;
        long from = 0;
        Path replay = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--from" -> from = Long.parseLong(args[++i]);
                case "--replay" -> replay = Path.of(args[++i]);
                default -> count = Long.parseLong(args[i].replace("_", ""));
            }
        }
        FuzzReport report = new FuzzReport(replay == null ? failuresFile(from == 0 ? "" : "from" + from + "-", seed)
                : NodeProcess.root().resolve("target/fuzz/replay-failures.jsonl"));
        long start = System.nanoTime();
        try (FuzzedNode node = new FuzzedNode()) {
            FuzzRun run = new FuzzRun(node, report, System.out::println);
            if (replay == null) {
                System.out.println("fuzzing: " + count + " cases of seed " + seed + " from case " + from);
                run.run(new CaseGenerator(seed), from, count);
            } else {
                run.replay(read(replay));
            }
            System.out.printf("%n%s%nnode restarts: %d; %d s%n", report.summary(), run.restarts(),
                    (System.nanoTime() - start) / 1_000_000_000L);
        }
        System.exit(report.failures() == 0 ? 0 : 1);
    }

    /** The cases of a failures file: each line's case, or the batch that disturbed a bystander. */
    private static List<FuzzCase> read(Path file) throws IOException {
        List<FuzzCase> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            try (JsonReader r = Json.createReader(new StringReader(line))) {
                var o = r.readObject();
                if (o.containsKey("batch")) {
                    o.getJsonArray("batch").getValuesAs(jakarta.json.JsonObject.class).forEach(c -> cases.add(FuzzCase.fromJson(c)));
                } else {
                    cases.add(FuzzCase.fromJson(o.containsKey("case") ? o.getJsonObject("case") : o));
                }
            }
        }
        return cases;
    }
}
