package io.mcpcluster.it.limits;

import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that send slowly hold connections, never the node's threads: bodies are read as their bytes
 * arrive (issue 13, slowloris). {@value #BODY_MILLIS} ms is this node's limit for a whole body.
 */
@Timeout(120)
class SlowClientsIT {
    static final long BODY_MILLIS = 6_000;
    static NodeProcess node;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("slow-clients", Map.of("mcp.limit.body.read.millis", String.valueOf(BODY_MILLIS)));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIs408AndABystanderIsServed() throws IOException {
        McpHttpSession bystander = McpHttpSession.initialize(node.port(), "2025-11-25");
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), node.port())) {
            s.setSoTimeout((int) BODY_MILLIS + 10_000);
            s.getOutputStream().write(("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\nMcp-Session-Id: " + bystander.id()
                    + "\r\nContent-Length: 100\r\n\r\n{\"jsonrpc\"").getBytes(StandardCharsets.US_ASCII));
            long start = System.currentTimeMillis();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            long waited = System.currentTimeMillis() - start;
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("\"code\":-32600") && !answer.contains("Exception"), answer);
            // Not refused before its time is up; a hang is the socket timeout's to catch.
            assertTrue(waited >= BODY_MILLIS - 500, waited + " ms");
        }
        assertTrue(bystander.answersPing());
    }

    @Test
    void twoHundredFiftySlowConnectionsDoNotStallABystander() throws IOException {
        McpHttpSession bystander = McpHttpSession.initialize(node.port(), "2025-11-25");
        int threadsBefore = NodeStats.threads(node.pid());
        try (SlowClients slow = new SlowClients(node.port())) {
            // Dribbling stops well before the first slow body's time is up: a byte sent after the
            // server's 408 would reset the connection and lose the answer this test reads.
            long end = System.currentTimeMillis() + BODY_MILLIS - 2_000;
            for (int i = 0; i < 200; i++) {
                slow.openBody(10_000);
            }
            for (int i = 0; i < 50; i++) {
                slow.openHead();
            }
            int pings = 0;
            long slowest = 0;
            int maxThreads = 0;
            // Every ping is answered while all 250 connections are open; a node whose threads wait on
            // them never answers (RawHttp's read timeout fails the ping). How fast is printed, not asserted.
            do {
                assertEquals(250, slow.dribble(), "every slow connection is still open");
                long t = System.nanoTime();
                assertTrue(bystander.answersPing(), "ping " + pings + " during the slow connections");
                slowest = Math.max(slowest, (System.nanoTime() - t) / 1_000_000);
                pings++;
                maxThreads = Math.max(maxThreads, NodeStats.threads(node.pid()));
            } while (System.currentTimeMillis() < end);
            System.out.printf("slowloris: 250 slow connections, %d bystander pings, slowest %d ms, node threads %d"
                    + " before, at most %d during%n", pings, slowest, threadsBefore, maxThreads);
            List<String> answers = slow.bodyAnswers(BODY_MILLIS + 10_000);
            long timedOut = answers.stream().filter(a -> a != null && a.startsWith("HTTP/1.1 408")).count();
            System.out.printf("slowloris: %d of 200 slow bodies answered 408%n", timedOut);
            assertEquals(200, timedOut, "every slow body is refused once its time is up: " + answers);
        }
        assertTrue(bystander.answersPing());
        RawHttp.send(node.port(), "DELETE", "/mcp", bystander.headers(), null);
    }
}
