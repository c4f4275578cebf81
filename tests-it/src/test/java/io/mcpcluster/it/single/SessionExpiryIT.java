package io.mcpcluster.it.single;

import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idle sessions expire (here after 2 s); a session with an open stream does not. */
class SessionExpiryIT {
    static NodeProcess node;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("expiry", Map.of("mcp.session.idle.seconds", "2", "mcp.sse.keepalive.millis", "500"));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static int pingStatus(McpHttpSession s) {
        return s.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").status();
    }

    /** Polls until the session is gone; fails if it is still there after the deadline. */
    @Test
    void idleSessionExpiresAndIsThen404() throws InterruptedException {
        McpHttpSession idle = McpHttpSession.initialize(node.port(), "2025-06-18");
        long deadline = System.currentTimeMillis() + 20_000;
        while (RawHttp.send(node.port(), "POST", "/mcp", idle.headers(), "{\"jsonrpc\":\"2.0\",\"method\":"
                + "\"notifications/roots/list_changed\"}").status() == 202 && System.currentTimeMillis() < deadline) {
            Thread.sleep(3_000);
        }
        assertEquals(404, pingStatus(idle));
    }

    @Test
    void openStreamKeepsItsSessionAlive() throws InterruptedException {
        McpHttpSession s = McpHttpSession.initialize(node.port(), "2025-06-18");
        Map<String, String> h = s.headers();
        h.put("Accept", "text/event-stream");
        try (EventStream stream = RawHttp.open(node.port(), "GET", "/mcp", h, null)) {
            assertEquals(200, stream.status());
            // Read keep-alives for three idle periods without any request on the session.
            long until = System.currentTimeMillis() + 6_000;
            int frames = 0;
            while (System.currentTimeMillis() < until) {
                if (stream.nextFrame(1_000) != null) {
                    frames++;
                }
            }
            assertTrue(frames >= 3, "keep-alive frames: " + frames);
            assertEquals(200, pingStatus(s));
        }
    }
}
