package io.mcpcluster.it.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The failures of a run: each appended as one JSON line (the case as sent, what failed, the answer's
 * start) to a file that {@code ./dev fuzz --replay FILE} sends again, and counted by group (what failed ×
 * the kind of case) with the first case of each group kept as its reproducer.
 */
final class FuzzReport {
    /** A failure: the case (or the batch before a disturbed bystander) and why. */
    record Failure(FuzzCase fuzzCase, List<Oracle.Finding> findings, String answer, List<FuzzCase> batch) {
    }

    private final Path file;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, Failure> firsts = new TreeMap<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final Map<String, Long> millisByKind = new TreeMap<>();
    private long cases;
    private int failures;

    FuzzReport(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void answered(FuzzCase c, FuzzHttp.Answer a, long nanos) {
        cases++;
        millisByKind.merge(c.kind().split("/")[0], nanos / 1_000_000, Long::sum);
        String key = a.hang() ? "hang" : a.status() == 0 ? "no answer (" + a.transportError() + ")" : String.valueOf(a.status());
        statuses.merge(key.length() > 60 ? key.substring(0, 60) : key, 1, Integer::sum);
    }

    void fail(Failure f) {
        failures++;
        String group = f.findings().stream().map(Oracle.Finding::kind).distinct().collect(Collectors.joining("+"))
                + " <- " + group(f.fuzzCase().kind());
        counts.merge(group, 1, Integer::sum);
        firsts.putIfAbsent(group, f);
        append(f);
    }

    /** The case kind up to its second part, e.g. {@code session/deep-nesting}, and any header names mutated. */
    private static String group(String kind) {
        String[] parts = kind.split("/");
        String base = parts.length > 1 ? parts[0] + "/" + parts[1] : kind;
        return kind.contains("/header:") && !base.contains("header:") ? base + " (+headers)" : base;
    }

    private void append(Failure f) {
        JsonArrayBuilder findings = Json.createArrayBuilder();
        f.findings().forEach(x -> findings.add(Json.createObjectBuilder().add("kind", x.kind()).add("evidence", x.evidence())));
        JsonObjectBuilder line = Json.createObjectBuilder().add("case", f.fuzzCase().toJson()).add("findings", findings)
                .add("answer", f.answer());
        if (!f.batch().isEmpty()) {
            JsonArrayBuilder batch = Json.createArrayBuilder();
            f.batch().forEach(c -> batch.add(c.toJson()));
            line.add("batch", batch);
        }
        try {
            Files.writeString(file, ascii(line.build().toString()) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON with every non-ASCII character escaped: a lone surrogate of a case survives the file. */
    private static String ascii(String json) {
        StringBuilder sb = new StringBuilder(json.length());
        json.chars().forEach(ch -> sb.append(ch < 0x7f ? String.valueOf((char) ch) : String.format("\\u%04x", ch)));
        return sb.toString();
    }

    int failures() {
        return failures;
    }

    long cases() {
        return cases;
    }

    Path file() {
        return file;
    }

    String summary() {
        StringBuilder sb = new StringBuilder(cases + " cases, " + failures + " failing; answers by status: " + statuses
                + "\n  time spent by kind of case (ms): " + millisByKind + "\n");
        counts.forEach((group, n) -> {
            Failure f = firsts.get(group);
            String evidence = f.findings().stream().map(Oracle.Finding::evidence).collect(Collectors.joining(" | "));
            sb.append(String.format("  %5d  %s%n         e.g. case %d: %s%n         -> %s%n", n, group,
                    f.fuzzCase().index(), cut(f.fuzzCase().brief(), 400), cut(evidence, 300)));
        });
        if (failures > 0) {
            sb.append("every failing case: ").append(file).append(" (replay: ./dev fuzz --replay FILE)\n");
        }
        return sb.toString();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
