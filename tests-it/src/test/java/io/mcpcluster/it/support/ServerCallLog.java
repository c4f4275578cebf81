package io.mcpcluster.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which node executed which (session, JSON-RPC id), read from the nodes' logs, which survive kill -9:
 * the fixture tool {@code traced_add} logs {@code call <session> <id> start|end node=<name>}.
 */
public final class ServerCallLog {
    private static final Pattern CALL = Pattern.compile("call (\\S+) (\\S+) (start|end) node=(\\S+)");

    /** One execution of a call: on which node, and whether its result was handed to the outbound path. */
    public record Execution(String node, boolean ended) {
    }

    private final Map<String, List<Execution>> byCall = new HashMap<>();

    private ServerCallLog() {
    }

    public static ServerCallLog read(Collection<Path> logs) {
        ServerCallLog log = new ServerCallLog();
        for (Path file : logs) {
            try {
                for (String line : Files.readAllLines(file)) {
                    Matcher m = CALL.matcher(line);
                    if (m.find()) {
                        log.record(m.group(1) + " " + m.group(2), m.group(4), m.group(3).equals("end"));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return log;
    }

    private void record(String call, String node, boolean end) {
        List<Execution> runs = byCall.computeIfAbsent(call, k -> new ArrayList<>());
        if (end) {
            // The start of the same node's execution that has not ended yet.
            for (int i = 0; i < runs.size(); i++) {
                if (runs.get(i).node().equals(node) && !runs.get(i).ended()) {
                    runs.set(i, new Execution(node, true));
                    return;
                }
            }
        }
        runs.add(new Execution(node, end));
    }

    /** Every execution of the call {@code id} of {@code session}, in log order per node; empty if none. */
    public List<Execution> executions(String session, String id) {
        return byCall.getOrDefault(session + " " + id, List.of());
    }

    /**
     * The session calls that more than one execution was logged for (a request executed twice). Calls
     * of the stateless 2026 era log the session {@code null}: their ids repeat across clients, so they
     * cannot be told apart here and are left out.
     */
    public long executedTwice() {
        return byCall.entrySet().stream().filter(e -> !e.getKey().startsWith(STATELESS))
                .filter(e -> e.getValue().size() > 1).count();
    }

    /** How many calls of the stateless era (no session) were logged. */
    public long statelessCalls() {
        return byCall.entrySet().stream().filter(e -> e.getKey().startsWith(STATELESS)).count();
    }

    private static final String STATELESS = "null ";
}
