package io.mcpcluster.it.single;

import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The execution limits on a real node with small settings (4 request threads, 2 waiting, 3 calls per
 * session, tools time out after 3 s): each limit refuses or cancels with a clear error, and a bystander
 * session is served normally right after.
 */
@Timeout(120)
class ExecutionLimitsIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static NodeProcess node;
    McpHttpSession bystander;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("execution-limits", Map.of("mcp.features", "demo,conformance,limits",
                "mcp.request.threads", "4", "mcp.request.queue", "2", "mcp.session.concurrent.calls", "3",
                "mcp.tool.timeout.millis", "3000"));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @BeforeEach
    void openBystander() {
        bystander = McpHttpSession.initialize(node.port(), "2025-11-25");
    }

    @AfterEach
    void bystanderStillServed() {
        // Served, not "served fast": the order of a session's turn against another's backlog is
        // FairRequestPoolTest's (a speed figure would be a benchmark's, not a test's).
        JsonObject r = call(bystander, "text_stats", "{\"text\":\"still served\"}");
        assertFalse(r.getJsonObject("result").getBoolean("isError", false), r.toString());
    }

    private static JsonObject call(McpHttpSession s, String tool, String arguments) {
        return s.request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}");
    }

    private static String text(JsonObject response) {
        return response.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text");
    }

    /** Starts a call that sleeps {@code millis} (runs meanwhile); its answer is the future's body. */
    private static CompletableFuture<HttpResponse<String>> sleepIn(McpHttpSession s, int id, long millis) {
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(node.url("/mcp"))).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":"
                        + "\"tools/call\",\"params\":{\"name\":\"limits_sleep\",\"arguments\":{\"millis\":" + millis + "}}}"));
        s.headers().forEach(post::header);
        return HTTP.sendAsync(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the node's {@code /health} says this many requests run and wait (a deadline of 10 s). */
    private static void awaitRequests(int running, int waiting) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonObject now = null;
        while (System.nanoTime() < deadline) {
            now = McpHttpSession.parse(RawHttp.send(node.port(), "GET", "/health", NodeProcess.HEALTH_DETAILS, null)
                    .body()).getJsonObject("requests");
            if (now.getInt("running") == running && now.getInt("waiting") == waiting) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("expected " + running + " running and " + waiting + " waiting, last seen " + now);
    }

    private static void awaitAll(List<CompletableFuture<HttpResponse<String>>> calls) throws Exception {
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            c.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSessionOverItsConcurrentCallLimitIsRefusedWithRetryLater() throws Exception {
        McpHttpSession busy = McpHttpSession.initialize(node.port(), "2025-11-25");
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            calls.add(sleepIn(busy, i, 1_500));
        }
        awaitRequests(3, 0);
        JsonObject refused = call(busy, "text_stats", "{\"text\":\"one more\"}");
        JsonObject error = refused.getJsonObject("error");
        assertEquals(-32000, error.getInt("code"), refused.toString());
        assertTrue(error.getString("message").contains("Too many concurrent requests in this session (limit 3)"),
                refused.toString());
        assertTrue(error.getJsonObject("data").getInt("retryAfterMs") > 0);
        awaitAll(calls);
    }

    @Test
    void aFullNodeRefusesWithServerBusyAndRunsTheWaitingRequestsOnceThreadsFree() throws Exception {
        McpHttpSession a = McpHttpSession.initialize(node.port(), "2025-11-25");
        McpHttpSession b = McpHttpSession.initialize(node.port(), "2025-11-25");
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>(List.of(sleepIn(a, 1, 1_500),
                sleepIn(a, 2, 1_500), sleepIn(b, 1, 1_500), sleepIn(b, 2, 1_500)));
        awaitRequests(4, 0);
        calls.add(sleepIn(a, 3, 10));
        calls.add(sleepIn(b, 3, 10));
        awaitRequests(4, 2);
        JsonObject refused = call(bystander, "text_stats", "{\"text\":\"x\"}");
        assertEquals(-32000, refused.getJsonObject("error").getInt("code"), refused.toString());
        assertTrue(refused.getJsonObject("error").getString("message").startsWith("Server busy"), refused.toString());
        awaitAll(calls);
        for (CompletableFuture<HttpResponse<String>> waited : calls.subList(4, 6)) {
            assertTrue(waited.get().body().contains("Slept 10 ms"), waited.get().body());
        }
    }

    @Test
    void aToolPastTheGlobalTimeoutIsInterruptedAndAnsweredWithAnError() {
        JsonObject r = call(bystander, "limits_sleep", "{\"millis\":60000}");
        assertTrue(r.getJsonObject("result").getBoolean("isError"), r.toString());
        assertEquals("Tool 'limits_sleep' did not finish within 3000 ms and was cancelled", text(r));
        // Answered at the timeout, not when the tool would have ended: the tool was still inside its
        // 60 s sleep when it was interrupted (an interrupt reaches only a thread still inside the tool).
        int interrupted = Integer.parseInt(text(call(bystander, "limits_interruptions", "{}")));
        assertTrue(interrupted >= 1, "the tool's thread was interrupted");
    }

    @Test
    void aToolsOwnTimeoutAttributeOverridesTheDefault() {
        JsonObject r = call(bystander, "limits_sleep_short_timeout", "{\"millis\":60000}");
        // The answer names the deadline that ended the call: 500 ms, not the 3 s default.
        assertEquals("Tool 'limits_sleep_short_timeout' did not finish within 500 ms and was cancelled", text(r));
    }

    @Test
    void aNullArgumentIsInvalidParamsNamingItAndNeverReachesTheTool() {
        JsonObject r = call(bystander, "text_stats", "{\"text\":null}");
        assertEquals(-32602, r.getJsonObject("error").getInt("code"), r.toString());
        assertEquals("Argument 'text' must not be null", r.getJsonObject("error").getString("message"));
        JsonObject mistyped = call(bystander, "text_stats", "{\"text\":42}");
        assertEquals(-32602, mistyped.getJsonObject("error").getInt("code"), mistyped.toString());
        assertTrue(mistyped.getJsonObject("error").getString("message").contains("'text'"), mistyped.toString());
    }

    @Test
    void anUnexpectedToolFailureTellsOnlyAnErrorIdThatTheLogLineCarries() throws Exception {
        JsonObject r = call(bystander, "limits_fail_unexpectedly", "{}");
        assertTrue(r.getJsonObject("result").getBoolean("isError"), r.toString());
        String message = text(r);
        assertFalse(message.contains("db-internal") || message.contains("Exception"), message);
        Matcher id = Pattern.compile("error id ([0-9a-f]{8})").matcher(message);
        assertTrue(id.find(), message);
        String log = Files.readString(node.log());
        int line = log.indexOf("[error id " + id.group(1) + "]");
        assertTrue(line >= 0, "the log line carries the id " + id.group(1));
        assertTrue(log.indexOf("db-internal-7.corp", line) > line, "and the exception");
    }

    @Test
    void aToolsOwnErrorPassesItsMessageThrough() {
        JsonObject r = call(bystander, "limits_fail_own", "{}");
        assertTrue(r.getJsonObject("result").getBoolean("isError"), r.toString());
        assertEquals("The quota of this model is used up until midnight", text(r));
    }
}
