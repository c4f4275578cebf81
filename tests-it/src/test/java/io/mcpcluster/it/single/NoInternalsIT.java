package io.mcpcluster.it.single;

import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NoInternals;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No internals reach a client of a real Jetty node: odd requests that the container itself refuses (a
 * malformed {@code %} escape, a broken form body, an unknown path, TRACE) are answered with a JSON error,
 * without a stack trace, an exception's name, an HTML page or a server version; {@code /health} says only
 * UP to a caller without the token. A bystander session is served after each.
 */
@Timeout(60)
class NoInternalsIT {
    static NodeProcess node;
    McpHttpSession bystander;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("no-internals", Map.of());
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
        assertTrue(bystander.answersPing(), "another session must still be served");
    }

    @Test
    void oddRequestsTheContainerRefusesAreJsonErrorsWithNoStackTraceAndNoServerVersion() {
        Map<String, RawHttp.Response> answers = new LinkedHashMap<>();
        answers.put("GET /", RawHttp.send(node.port(), "GET", "/", Map.of(), null));
        answers.put("GET /WEB-INF/web.xml", RawHttp.send(node.port(), "GET", "/WEB-INF/web.xml", Map.of(), null));
        answers.put("GET /mcp/%zz", RawHttp.send(node.port(), "GET", "/mcp/%zz", Map.of(), null));
        answers.put("GET /%", RawHttp.send(node.port(), "GET", "/%", Map.of(), null));
        answers.put("GET /messages?sessionId=%zz", RawHttp.send(node.port(), "GET", "/messages?sessionId=%zz",
                Map.of(), null));
        answers.put("POST /messages form %zz", RawHttp.send(node.port(), "POST", "/messages?sessionId=%zz",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "a=%zz&b=%&=%u12"));
        answers.put("POST /mcp form", RawHttp.send(node.port(), "POST", "/mcp", Map.of("Content-Type",
                "application/x-www-form-urlencoded", "Accept", "application/json, text/event-stream"), "a=%zz&b"));
        answers.put("TRACE /", RawHttp.send(node.port(), "TRACE", "/", Map.of("X-Secret", "echo-me"), null));
        answers.put("GET /health", RawHttp.send(node.port(), "GET", "/health", Map.of(), null));
        answers.forEach(NoInternals::assertNoInternals);
        assertFalse(answers.get("TRACE /").body().contains("echo-me"), "TRACE echoes nothing");
        assertEquals(404, answers.get("GET /").status(), "no directory listing at /");
        assertEquals("application/json", answers.get("GET /").header("Content-Type").split(";")[0]);
        assertEquals(-32600, McpHttpSession.parse(answers.get("GET /").body()).getJsonObject("error").getInt("code"));
        assertEquals(400, answers.get("GET /mcp/%zz").status(), answers.get("GET /mcp/%zz").body());
    }

    @Test
    void healthSaysOnlyUpToACallerWithoutTheToken() {
        JsonObject anyone = McpHttpSession.parse(RawHttp.send(node.port(), "GET", "/health", Map.of(), null).body());
        assertEquals(Map.of("status", "UP"), Map.of("status", anyone.getString("status")));
        assertEquals(1, anyone.size(), anyone.toString());
        JsonObject guessed = McpHttpSession.parse(RawHttp.send(node.port(), "GET", "/health",
                Map.of("X-Health-Token", "guess"), null).body());
        assertEquals(1, guessed.size(), guessed.toString());
        JsonObject operator = McpHttpSession.parse(RawHttp.send(node.port(), "GET", "/health",
                NodeProcess.HEALTH_DETAILS, null).body());
        assertEquals(1, operator.getJsonArray("members").size(), operator.toString());
        assertTrue(operator.containsKey("node") && operator.containsKey("requests"), operator.toString());
    }
}
