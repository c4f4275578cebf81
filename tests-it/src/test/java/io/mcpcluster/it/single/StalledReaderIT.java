package io.mcpcluster.it.single;

import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that stops reading while a tool floods its stream with 3,000 events of 2 KB (6 MB): the node
 * holds at most the stream's byte limit (64 KB here) for it, leaves the rest in the event log, drops the
 * connection once the client read nothing for a keep-alive interval, and a resume with {@code Last-Event-ID}
 * gets every event and the result. A bystander session is served meanwhile.
 */
@Timeout(180)
class StalledReaderIT {
    private static final int LIMIT = 65_536;
    private static final int EVENTS = 3_000;
    private static final int EVENT_CHARS = 2_000;
    private static final Pattern DROPPED = Pattern.compile(
            "Stream (\\S+) dropped: its reader fell behind with (\\d+) bytes queued \\(limit (\\d+), most ever (\\d+)\\)");
    static NodeProcess node;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("stalled-reader", Map.of("mcp.features", "demo,conformance,limits",
                "mcp.sse.queue.bytes", String.valueOf(LIMIT), "mcp.sse.keepalive.millis", "500",
                "mcp.event.retention.count", "10000"));
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void aStalledReaderIsDroppedWithBoundedMemoryAndItsResumeGetsEveryEvent() throws Exception {
        McpHttpSession flooded = McpHttpSession.initialize(node.port(), "2025-11-25");
        String primingId;
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4_096);
            stalled.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), node.port()), 5_000);
            stalled.setSoTimeout(20_000);
            Map<String, String> headers = new LinkedHashMap<>(flooded.headers());
            String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"limits_flood\","
                    + "\"arguments\":{\"count\":" + EVENTS + ",\"size\":" + EVENT_CHARS + "}}}";
            StringBuilder request = new StringBuilder("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + node.port() + "\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            request.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n")
                    .append(body);
            stalled.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            primingId = readUntilPrimingId(stalled.getInputStream());
            // From here on the client reads nothing.
            Matcher dropped = awaitDropLine(primingId.substring(0, primingId.lastIndexOf('.')));
            long mostEver = Long.parseLong(dropped.group(4));
            assertEquals(LIMIT, Long.parseLong(dropped.group(3)));
            assertTrue(mostEver <= LIMIT + EVENT_CHARS + 200, "never more than the limit and one event queued: "
                    + mostEver);
            assertTrue(McpHttpSession.initialize(node.port(), "2025-11-25").answersPing(), "a bystander is served");
        }
        Map<String, String> resume = new LinkedHashMap<>(flooded.headers());
        resume.put("Accept", "text/event-stream");
        resume.put("Last-Event-ID", primingId);
        int notifications = 0;
        String result = null;
        try (EventStream resumed = RawHttp.open(node.port(), "GET", "/mcp", resume, null)) {
            assertEquals(200, resumed.status());
            while (result == null) {
                String data = resumed.nextData(20_000);
                assertNotNull(data, "the resumed stream went quiet after " + notifications + " events");
                if (data.contains("\"notifications/message\"")) {
                    notifications++;
                } else if (data.contains("\"id\":7")) {
                    result = data;
                }
            }
        }
        assertEquals(EVENTS, notifications, "every event, from the log");
        assertTrue(result.contains("Sent " + EVENTS), result);
        assertTrue(flooded.answersPing());
    }

    /** Reads the response head and the first frames until the priming event's id; returns it. */
    private static String readUntilPrimingId(InputStream in) throws Exception {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        Pattern id = Pattern.compile("\nid: (\\S+\\.0)\n");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            int b = in.read();
            assertTrue(b >= 0, "the stream ended before its priming event: " + seen);
            seen.write(b);
            Matcher m = id.matcher(seen.toString(StandardCharsets.UTF_8));
            if (b == '\n' && m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no priming event in time: " + seen);
    }

    private static Matcher awaitDropLine(String streamId) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Matcher m = DROPPED.matcher(Files.readString(node.log()));
            while (m.find()) {
                if (m.group(1).equals(streamId)) {
                    return m;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("stream " + streamId + " was not dropped; see " + node.log());
    }
}
