package io.mcpcluster.it.limits;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per limit on what a client sends in (issue 13), against a real node with the default limits
 * (sessions per node lowered to {@value #SESSIONS}): the refusal's HTTP status and JSON-RPC error, no
 * stack trace, and afterwards a bystander session is served normally.
 */
@Timeout(120)
class InputLimitsIT {
    static final int SESSIONS = 25;
    static NodeProcess node;
    McpHttpSession bystander;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("input-limits", Map.of("mcp.limit.sessions.per.node", String.valueOf(SESSIONS)));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @BeforeEach
    void openBystander() {
        bystander = McpHttpSession.initialize(node.port(), "2025-03-26");
    }

    @AfterEach
    void bystanderStillServed() {
        assertTrue(bystander.answersPing(), "another session must still be served");
        RawHttp.send(node.port(), "DELETE", "/mcp", bystander.headers(), null);
    }

    static void assertRefused(RawHttp.Response r, int status, int code) {
        assertEquals(status, r.status(), r.body());
        JsonObject error = McpHttpSession.parse(r.body()).getJsonObject("error");
        assertEquals(code, error.getInt("code"), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
    }

    private static String ping(String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":" + params + "}";
    }

    @Test
    void nestingDeeperThan64LevelsIs400NotAStackTrace() {
        String deep64 = "{\"a\":".repeat(62) + "1" + "}".repeat(62);
        assertEquals(200, bystander.post(ping("{\"x\":" + deep64 + "}")).status());
        assertRefused(bystander.post(ping("{\"x\":" + "[".repeat(64) + "]".repeat(64) + "}")), 400, -32600);
        assertRefused(bystander.post("[".repeat(100_000) + "]".repeat(100_000)), 400, -32600);
    }

    @Test
    void aStringOverAMillionCharactersIs400() {
        assertRefused(bystander.post(ping("{\"s\":\"" + "x".repeat(1_048_577) + "\"}")), 400, -32600);
        assertEquals(200, bystander.post(ping("{\"s\":\"" + "x".repeat(1_048_576) + "\"}")).status());
    }

    @Test
    void anArrayOfMoreThan10000ElementsIs400() {
        String elements = "0,".repeat(10_000) + "0";
        assertRefused(bystander.post(ping("{\"a\":[" + elements + "]}")), 400, -32600);
    }

    @Test
    void aBatchOfMoreThan100MessagesIs400AndOf100IsServed() {
        String pings100 = String.join(",", java.util.Collections.nCopies(100, ping("{}")));
        RawHttp.Response ok = bystander.post("[" + pings100 + "]");
        assertEquals(200, ok.status(), ok.body());
        assertRefused(bystander.post("[" + pings100 + "," + ping("{}") + "]"), 400, -32600);
    }

    @Test
    void initializeWithThreeMegabytesOfClientInfoIs400AndCreatesNoSession() {
        String threeMegabytes = "[" + String.join(",", java.util.Collections.nCopies(3_000, "\"" + "m".repeat(1_000) + "\"")) + "]";
        for (String extra : new String[]{threeMegabytes, "\"" + "n".repeat(17_000) + "\""}) {
            RawHttp.Response r = RawHttp.send(node.port(), "POST", "/mcp", McpHttpSession.headers(null),
                    "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\","
                            + "\"extra\":" + extra + "}}}");
            assertRefused(r, 400, -32602);
            assertNull(r.header("Mcp-Session-Id"));
            assertEquals(0, McpHttpSession.parse(r.body()).getInt("id"), "the refusal answers the request id");
        }
    }

    @Test
    void theSessionBeyondTheNodeLimitIs503AndEndingOneMakesRoom() {
        List<String> created = new ArrayList<>();
        RawHttp.Response refused = null;
        try {
            for (int i = 0; i <= SESSIONS && refused == null; i++) {
                RawHttp.Response r = RawHttp.send(node.port(), "POST", "/mcp", McpHttpSession.headers(null),
                        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
                if (r.status() == 200) {
                    created.add(r.header("Mcp-Session-Id"));
                } else {
                    refused = r;
                }
            }
            assertTrue(refused != null, "no refusal after " + created.size() + " sessions");
            assertTrue(created.size() < SESSIONS, created.size() + " sessions besides the bystander");
            assertRefused(refused, 503, -32000);
            assertEquals("5", refused.header("Retry-After"));
            RawHttp.Response legacy = RawHttp.send(node.port(), "GET", "/sse", Map.of("Accept", "text/event-stream"), null);
            assertRefused(legacy, 503, -32000);
        } finally {
            created.forEach(id -> RawHttp.send(node.port(), "DELETE", "/mcp", McpHttpSession.headers(id), null));
        }
        assertTrue(eventuallyInitializes(10_000), "after DELETE the node must accept sessions again");
    }

    /** SESSION_CLOSED reaches the quota through the worker pool: wait for it, within a deadline. */
    private static boolean eventuallyInitializes(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            try {
                McpHttpSession s = McpHttpSession.initialize(node.port(), "2025-06-18");
                RawHttp.send(node.port(), "DELETE", "/mcp", s.headers(), null);
                return true;
            } catch (IllegalStateException busy) {
                pause(100);
            }
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
