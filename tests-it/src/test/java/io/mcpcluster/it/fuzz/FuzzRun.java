package io.mcpcluster.it.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends cases to a live node and judges every answer ({@link Oracle}); every {@link #BATCH} cases, and
 * after a hang, a {@link Bystander} must still be served. A hang or a disturbed bystander restarts the
 * node (at most {@link #MAX_RESTARTS} times), so one broken case does not spoil the rest of the run.
 */
final class FuzzRun {
    /** The node under test, restartable. */
    interface Node {
        int port();

        void restart();
    }

    static final int BATCH = 25;
    private static final int MAX_RESTARTS = 20;
    private static final long DEADLINE_MILLIS = 10_000;
    private static final long STREAM_WINDOW_MILLIS = 50;
    private static final Pattern EVENT_ID = Pattern.compile("(?m)^id: ([A-Za-z0-9_-]+)\\.(\\d+)$");

    private final Node node;
    private final FuzzReport report;
    private final Consumer<String> progress;
    private FuzzHttp http;
    private Bystander bystander;
    private LegacySession legacy;
    private String sessionId;
    private String streamId = "AAAAAAAAAAAAAAAAAAAAAA";
    private String eventId = "AAAAAAAAAAAAAAAAAAAAAA.1";
    private int restarts;

    FuzzRun(Node node, FuzzReport report, Consumer<String> progress) {
        this.node = node;
        this.report = report;
        this.progress = progress;
        connect();
    }

    /** Sends cases {@code from} to {@code from + count - 1} of the seed's sequence. */
    void run(CaseGenerator generator, long from, long count) {
        List<FuzzCase> batch = new ArrayList<>();
        for (long i = from; i < from + count; i++) {
            FuzzCase c = generator.generate(i);
            batch.add(c);
            boolean hang = send(c);
            if (hang || batch.size() == BATCH || i == from + count - 1) {
                checkBystander(batch);
                batch.clear();
            }
            if ((i - from + 1) % 1000 == 0) {
                progress.accept((i - from + 1) + " cases, " + report.failures() + " failing, " + restarts + " restarts");
            }
        }
        close();
    }

    /** Sends recorded cases one by one, each followed by a bystander check. */
    void replay(List<FuzzCase> cases) {
        for (FuzzCase c : cases) {
            send(c);
            checkBystander(List.of(c));
        }
        close();
    }

    /** Sends one case and records what fails; true when it hung. */
    private boolean send(FuzzCase c) {
        long start = System.nanoTime();
        FuzzHttp.Answer a = http.send(c.method(), fill(c.path()), fillAll(c.headers()), c.body() == null ? null : fill(c.body()));
        report.answered(c, a, System.nanoTime() - start);
        harvestEventIds(a);
        List<Oracle.Finding> findings = new ArrayList<>(Oracle.judge(a));
        for (String leak : legacy.leaks()) {
            findings.add(new Oracle.Finding("legacy-stream-leak", leak));
        }
        if (!findings.isEmpty()) {
            report.fail(new FuzzReport.Failure(c, findings, answerStart(a), List.of()));
        }
        return a.hang();
    }

    /** Remembers the last event id the node issued, for the placeholders of later cases. */
    private void harvestEventIds(FuzzHttp.Answer a) {
        Matcher m = EVENT_ID.matcher(a.body());
        while (m.find()) {
            streamId = m.group(1);
            eventId = m.group(1) + "." + m.group(2);
        }
    }

    private void checkBystander(List<FuzzCase> batch) {
        Optional<String> wrong = bystander.check();
        if (wrong.isPresent()) {
            FuzzCase last = batch.get(batch.size() - 1);
            report.fail(new FuzzReport.Failure(last, List.of(new Oracle.Finding("bystander", wrong.get())), "",
                    List.copyOf(batch)));
            restart();
            return;
        }
        keepFuzzSessionsAlive();
    }

    /** A fuzz case may end the fuzz sessions (a DELETE, a legacy reconnect): open new ones, not a failure. */
    private void keepFuzzSessionsAlive() {
        FuzzHttp.Answer ping = http.send("POST", "/mcp", Sessions.headers(sessionId),
                "{\"jsonrpc\":\"2.0\",\"id\":\"keepalive\",\"method\":\"ping\"}");
        if (ping.status() != 200) {
            sessionId = Sessions.initialize(http, "fuzz");
        }
        if (legacy.ended()) {
            legacy.close();
            legacy = openLegacy();
        }
    }

    private void restart() {
        if (++restarts > MAX_RESTARTS) {
            throw new IllegalStateException("node restarted " + MAX_RESTARTS + " times; the run stops here:\n"
                    + report.summary());
        }
        progress.accept("restarting the node after a disturbed bystander");
        close();
        node.restart();
        connect();
    }

    private void connect() {
        http = new FuzzHttp(node.port(), DEADLINE_MILLIS, STREAM_WINDOW_MILLIS);
        bystander = Bystander.start(http);
        sessionId = Sessions.initialize(http, "fuzz");
        legacy = openLegacy();
        // A streamed answer, so that @STREAM@ and @EVENT@ name a real stream from the first case on (replays too).
        harvestEventIds(http.send("POST", "/mcp", Sessions.headers(sessionId), "{\"jsonrpc\":\"2.0\",\"id\":\"prime\","
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"test_tool_with_progress\",\"arguments\":{},"
                + "\"_meta\":{\"progressToken\":1}}}"));
    }

    private LegacySession openLegacy() {
        try {
            return LegacySession.openInitialized(node.port(), http);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void close() {
        if (legacy != null) {
            legacy.close();
        }
    }

    private String fill(String text) {
        return text.replace(CaseGenerator.SESSION, sessionId).replace(CaseGenerator.LEGACY, legacy.id())
                .replace(CaseGenerator.EVENT, eventId).replace(CaseGenerator.STREAM, streamId);
    }

    private Map<String, String> fillAll(Map<String, String> headers) {
        Map<String, String> filled = new java.util.LinkedHashMap<>();
        headers.forEach((k, v) -> filled.put(k, fill(v)));
        return filled;
    }

    private static String answerStart(FuzzHttp.Answer a) {
        String text = (a.head() == null ? "" : a.head()) + a.body();
        return text.length() > 1500 ? text.substring(0, 1500) + "…" : text;
    }

    int restarts() {
        return restarts;
    }
}
