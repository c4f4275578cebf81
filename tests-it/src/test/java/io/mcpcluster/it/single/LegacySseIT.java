package io.mcpcluster.it.single;

import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The legacy HTTP+SSE transport (2024-11-05) over raw sockets: endpoint event, 202s, refusals. */
class LegacySseIT {
    static NodeProcess node;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("legacy-sse", Map.of());
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private EventStream connect() {
        EventStream stream = RawHttp.open(node.port(), "GET", "/sse", Map.of("Accept", "text/event-stream"), null);
        assertEquals(200, stream.status());
        return stream;
    }

    private static String endpoint(EventStream stream) {
        String frame = stream.nextFrame(5_000);
        assertTrue(frame.matches("event: endpoint\ndata: /messages\\?sessionId=[A-Za-z0-9_-]{22}"), frame);
        return frame.substring(frame.indexOf("data: ") + 6);
    }

    private RawHttp.Response post(String path, String body) {
        return RawHttp.send(node.port(), "POST", path, JSON, body);
    }

    @Test
    void sendsEndpointThenAnswersEveryPostWith202AndTheResponseOnTheStream() {
        try (EventStream stream = connect()) {
            String endpoint = endpoint(stream);
            RawHttp.Response init = post(endpoint, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                    + "{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
            assertEquals(202, init.status());
            assertEquals("2024-11-05", McpHttpSession.parse(stream.nextData(5_000)).getJsonObject("result")
                    .getString("protocolVersion"));
            for (int i = 2; i < 12; i++) {
                assertEquals(202, post(endpoint, "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"text_stats\",\"arguments\":{\"text\":\"" + "w ".repeat(i) + "\"}}}").status());
                JsonObject r = McpHttpSession.parse(stream.nextData(5_000));
                assertEquals(i, r.getInt("id"));
                assertTrue(r.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text")
                        .contains("\"words\":" + i));
            }
        }
    }

    @Test
    void requiresInitializeBeforeOtherRequests() {
        try (EventStream stream = connect()) {
            String endpoint = endpoint(stream);
            assertEquals(202, post(endpoint, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").status());
            assertEquals(-32600, McpHttpSession.parse(stream.nextData(5_000)).getJsonObject("error").getInt("code"));
        }
    }

    @Test
    void rejectsPostWithoutSessionIdWith400() {
        RawHttp.Response r = post("/messages", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        assertEquals(400, r.status());
        assertEquals(-32600, McpHttpSession.parse(r.body()).getJsonObject("error").getInt("code"));
    }

    @Test
    void rejectsUnknownSessionWith404() {
        RawHttp.Response r = post("/messages?sessionId=nope", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        assertEquals(404, r.status());
        assertEquals(-32001, McpHttpSession.parse(r.body()).getJsonObject("error").getInt("code"));
    }

    @Test
    void rejectsMalformedJsonWith400AndKeepsTheSession() {
        try (EventStream stream = connect()) {
            String endpoint = endpoint(stream);
            RawHttp.Response bad = post(endpoint, "{not json");
            assertEquals(400, bad.status());
            assertEquals(-32700, McpHttpSession.parse(bad.body()).getJsonObject("error").getInt("code"));
            assertEquals(202, post(endpoint, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}").status());
            assertEquals(3, McpHttpSession.parse(stream.nextData(5_000)).getInt("id"));
        }
    }

    @Test
    void rejectsStreamableSessionIdOnTheLegacyEndpoint() {
        McpHttpSession streamable = McpHttpSession.initialize(node.port(), "2025-06-18");
        assertEquals(404, post("/messages?sessionId=" + streamable.id(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").status());
    }
}
