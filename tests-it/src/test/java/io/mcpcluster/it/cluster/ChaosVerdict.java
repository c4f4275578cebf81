package io.mcpcluster.it.cluster;

import io.mcpcluster.it.support.ClientCall;
import io.mcpcluster.it.support.ServerCallLog;
import io.mcpcluster.it.support.ServerCallLog.Execution;
import io.mcpcluster.it.support.StockClients.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The assertions of issue 18, item 6, for the calls of one client kind, judged by request id against
 * what the nodes logged ({@link ServerCallLog}); each violation names its assertion and the kind.
 */
final class ChaosVerdict {
    /** A legacy client is told when its first error after the node's death comes within grace + this. */
    static final long TOLD_SLACK_MILLIS = 2_000;

    private final Kind kind;
    private final List<ClientCall> calls;
    private final ServerCallLog server;
    private final String deadNode;
    private final long stoppedAt;
    private final Map<String, List<ClientCall>> bySession;

    ChaosVerdict(Kind kind, List<ClientCall> calls, ServerCallLog server, String deadNode, long stoppedAt) {
        this.kind = kind;
        this.calls = calls;
        this.server = server;
        this.deadNode = deadNode;
        this.stoppedAt = stoppedAt;
        this.bySession = calls.stream().collect(Collectors.groupingBy(ClientCall::label, TreeMap::new, Collectors.toList()));
    }

    /** "no wrong answer" */
    List<String> wrongAnswers() {
        List<ClientCall> wrong = calls.stream().filter(ClientCall::wrong).toList();
        return wrong.isEmpty() ? List.of() : List.of(violation("no wrong answer",
                wrong.size() + " wrong answers, e.g. " + wrong.get(0)));
    }

    /** "no session left dead that its library could continue" */
    List<String> deadSessions() {
        List<String> dead = deadAtEnd();
        if (!kind.reconnects || dead.isEmpty()) {
            return List.of();
        }
        return List.of(violation("no session left dead that its library could continue",
                dead.size() + " of " + bySession.size() + " sessions dead at the end: " + dead.stream()
                        .map(s -> s + " (last call: " + last(s) + ")").collect(Collectors.joining("; "))));
    }

    /** "zero failed calls" (a drained rolling restart): every failed call, whatever its cause. */
    List<String> failedCalls() {
        List<ClientCall> failed = calls.stream().filter(ClientCall::failed).toList();
        if (failed.isEmpty()) {
            return List.of();
        }
        Map<String, Long> causes = failed.stream().collect(Collectors.groupingBy(this::cause, TreeMap::new, Collectors.counting()));
        return List.of(violation("zero failed calls", failed.size() + " failed: " + causes + "; e.g. " + failed.get(0)));
    }

    /**
     * "every failed call one that was executing on the dead node": a failure is allowed only for a call
     * the dead node logged the start of and not the end, or whose answer the dead node was still writing
     * (then only as an error, never as a timeout). Not judged for a library that cannot reconnect:
     * it fails every pending call itself when its stream ends ("Connection closed"), whatever the
     * server does; {@link #legacyClientsTold} judges those.
     */
    List<String> failuresNotExplainedByTheDeadNode() {
        if (!kind.reconnects) {
            return List.of();
        }
        List<ClientCall> failed = calls.stream().filter(ClientCall::failed).toList();
        Map<String, List<ClientCall>> byCause = new LinkedHashMap<>();
        for (ClientCall c : failed) {
            String cause = cause(c);
            if (!cause.equals(EXECUTING_ON_DEAD_NODE) && !cause.equals(STATELESS_CALL)) {
                byCause.computeIfAbsent(cause, k -> new ArrayList<>()).add(c);
            }
        }
        if (byCause.isEmpty()) {
            return List.of();
        }
        int unexplained = byCause.values().stream().mapToInt(List::size).sum();
        return List.of(violation("every failed call one that was executing on the dead node (by request id, server side)",
                unexplained + " of " + failed.size() + " failed calls were not: " + byCause.entrySet().stream()
                        .map(e -> e.getValue().size() + " " + e.getKey() + " (e.g. " + e.getValue().get(0) + ")")
                        .collect(Collectors.joining("; "))));
    }

    /**
     * "legacy clients that cannot reconnect told (404 + JSON-RPC error) within the grace period": a legacy
     * session that did not go on must get an error, never a timeout, and the first one at most
     * {@code graceMillis} (+ slack) after the stop.
     */
    List<String> legacyClientsTold(long graceMillis) {
        if (!kind.legacy()) {
            return List.of();
        }
        List<String> untold = new ArrayList<>();
        for (String session : deadAtEnd()) {
            List<ClientCall> after = bySession.get(session).stream().filter(c -> c.end() >= stoppedAt).toList();
            long timeouts = after.stream().filter(ClientCall::timedOut).count();
            ClientCall firstError = after.stream().filter(c -> c.failed() && !c.timedOut()).findFirst().orElse(null);
            long toldAfter = firstError == null ? -1 : firstError.end() - stoppedAt;
            if (timeouts > 0 || firstError == null || toldAfter > graceMillis + TOLD_SLACK_MILLIS) {
                untold.add(session + ": " + timeouts + " timeouts, first error "
                        + (firstError == null ? "never" : "+" + toldAfter + " ms: " + firstError));
            }
        }
        return untold.isEmpty() ? List.of() : List.of(violation(
                "legacy clients that cannot reconnect told (404 + JSON-RPC error) within the grace period ("
                        + graceMillis + " ms)", String.join("; ", untold)));
    }

    /** One row of the measured table. */
    String row() {
        List<ClientCall> failed = calls.stream().filter(ClientCall::failed).toList();
        Map<String, Long> causes = failed.stream().collect(Collectors.groupingBy(this::cause, TreeMap::new, Collectors.counting()));
        List<String> dead = deadAtEnd();
        return String.format("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %s | %s |", kind.title, bySession.size(),
                bySession.size() - dead.size(), dead.size(), calls.stream().filter(ClientCall::ok).count(), failed.size(),
                failed.stream().filter(ClientCall::badGateway).count(), failed.stream().filter(ClientCall::timedOut).count(),
                calls.stream().filter(ClientCall::wrong).count(), causes, errorKinds(failed));
    }

    static String header() {
        return "| library, transport | sessions | alive at end | dead | ok calls | failed | 502 | timeouts | wrong "
                + "| failed calls by server-side cause | errors seen |\n|---|---|---|---|---|---|---|---|---|---|---|";
    }

    private static final String EXECUTING_ON_DEAD_NODE = "executing on the dead node";
    private static final String STATELESS_CALL = "a stateless 2026 call that failed with an error (no session to attribute by)";

    private String cause(ClientCall c) {
        if (c.id() == null) {
            return "failed by the library without being sent";
        }
        if (c.session() == null) {
            // A call of the stateless 2026 era (the Python SDK negotiates it): no session to attribute by.
            return c.badGateway() ? "answered 502 by nginx" : c.timedOut() ? "a stateless 2026 call that timed out"
                    : STATELESS_CALL;
        }
        List<Execution> runs = server.executions(c.session(), c.id());
        if (runs.stream().anyMatch(r -> r.node().equals(deadNode) && !r.ended())) {
            return EXECUTING_ON_DEAD_NODE;
        }
        // The tool logs its end before its answer is numbered and stored: an answer the dead node had not
        // stored yet died with it. Still executing there, as far as the client can tell, provided the
        // client was told so by an error (a timeout stays unexplained).
        if (!c.timedOut() && runs.stream().anyMatch(r -> r.node().equals(deadNode))) {
            return EXECUTING_ON_DEAD_NODE;
        }
        if (runs.isEmpty()) {
            if (String.valueOf(c.message()).contains("left the cluster")) {
                // Accepted by the dead node (which recorded it as executing there) and never run: the
                // coordinator answered it from that record.
                return EXECUTING_ON_DEAD_NODE;
            }
            return c.badGateway() ? "answered 502 by nginx without reaching a tool (in flight to the dead node, not retried)"
                    : "never reached the tool";
        }
        Execution done = runs.get(runs.size() - 1);
        return "executed and ended on " + done.node() + ", answer lost";
    }

    /** Sessions whose library did not go on: last call failed, or nothing answered after the stop. */
    private List<String> deadAtEnd() {
        return bySession.keySet().stream().filter(s -> {
            List<ClientCall> own = bySession.get(s);
            boolean answeredAfterStop = own.stream().anyMatch(c -> c.ok() && c.start() >= stoppedAt);
            return !last(s).ok() || !answeredAfterStop;
        }).toList();
    }

    private ClientCall last(String session) {
        List<ClientCall> own = bySession.get(session);
        return own.get(own.size() - 1);
    }

    private static String errorKinds(List<ClientCall> failed) {
        Map<String, Long> kinds = failed.stream().collect(Collectors.groupingBy(
                c -> c.outcome() + ": " + shortMessage(c.message()), TreeMap::new, Collectors.counting()));
        return kinds.toString().replace("|", "/");
    }

    /** The message without ids (session ids, stream ids) and cut short, so that alike errors group. */
    private static String shortMessage(String message) {
        String m = String.valueOf(message).replaceAll("[0-9a-zA-Z_-]{20,}", "…").replaceAll("\\s+", " ");
        return m.substring(0, Math.min(70, m.length()));
    }

    private String violation(String assertion, String detail) {
        return "[" + kind.title + "] issue 18 item 6, '" + assertion + "': " + detail;
    }
}
