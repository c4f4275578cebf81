package io.mcpcluster.it.cluster;

import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.LocalCluster;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import io.mcpcluster.it.support.ResumeScenario;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streams cut on one node and resumed on another with Last-Event-ID: the rest arrives exactly once. */
class ResumeIT {
    static LocalCluster cluster;
    static NodeProcess a;
    static NodeProcess b;
    static NodeProcess c;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.start("resume", 3, 3, Map.of("mcp.event.retention.count", "50"));
        a = cluster.node(0);
        b = cluster.node(1);
        c = cluster.node(2);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void postStreamCutAfterItsFirstEventResumesOnAnotherNodeWithTheRestExactlyOnce() {
        ResumeScenario.cutAfterFirstEventAndResume(a.port(), b.port());
    }

    @Test
    void legacySseReconnectOnAnotherNodeKeepsTheSessionAndReplaysMissedResponses() {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        String endpoint;
        String lastId;
        try (EventStream stream = RawHttp.open(a.port(), "GET", "/sse", Map.of("Accept", "text/event-stream"), null)) {
            endpoint = stream.nextFrame(5_000).split("data: ")[1];
            RawHttp.send(b.port(), "POST", endpoint, json, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                    + "\"params\":{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
            // The response's event, not a keep-alive comment that may come first (every stream's tick).
            String frame = stream.nextFrameStartingWith("id: ", 10_000);
            lastId = frame.split("\n")[0].substring(4);
        }
        for (int i = 2; i <= 6; i++) {
            assertEquals(202, RawHttp.send(i % 2 == 0 ? b.port() : c.port(), "POST", endpoint, json,
                    "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"ping\"}").status());
        }
        Map<String, String> h = Map.of("Accept", "text/event-stream", "Last-Event-ID", lastId);
        // The session id as in the endpoint: an event id alone resumes nothing.
        String resumeUrl = "/sse" + endpoint.substring(endpoint.indexOf('?'));
        try (EventStream resumed = RawHttp.open(c.port(), "GET", resumeUrl, h, null)) {
            assertEquals("event: endpoint\ndata: " + endpoint, resumed.nextFrame(5_000), "same session, same endpoint");
            // Requests run concurrently on two nodes: their responses come in completion order, each once.
            List<Integer> ids = new ArrayList<>();
            for (int i = 2; i <= 6; i++) {
                ids.add(McpHttpSession.parse(resumed.nextData(10_000)).getInt("id"));
            }
            ids.sort(null);
            assertEquals(List.of(2, 3, 4, 5, 6), ids);
            assertNull(resumed.nextData(1_000), "nothing twice");
            assertEquals(202, RawHttp.send(a.port(), "POST", endpoint, json, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}").status());
            assertEquals(7, McpHttpSession.parse(resumed.nextData(10_000)).getInt("id"), "live after the replay");
        }
    }

    @Test
    void lastEventIdOlderThanTheRetainedEventsIsAnswered410() {
        McpHttpSession s = McpHttpSession.initialize(a.port(), "2025-11-25");
        String primingId;
        try (EventStream call = RawHttp.open(a.port(), "POST", "/mcp", s.headers(), "{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"slow_count\",\"arguments\":{\"n\":200,\"delayMs\":5},"
                + "\"_meta\":{\"progressToken\":\"t\"}}}")) {
            primingId = call.nextFrame(5_000).split("\n")[0].substring(4);
            // Retention is 50 events per stream: once event 60 was written, events up to 10 are gone.
            assertNotNull(call.nextFrameStartingWith("id: " + primingId.replace(".0", ".60"), 30_000), "event 60");
        }
        Map<String, String> h = new HashMap<>(s.headers());
        h.put("Accept", "text/event-stream");
        h.put("Last-Event-ID", primingId);
        RawHttp.Response r = RawHttp.send(b.port(), "GET", "/mcp", h, null);
        assertEquals(410, r.status(), r.body());
        assertEquals(-32600, McpHttpSession.parse(r.body()).getJsonObject("error").getInt("code"));
    }

    @Test
    void legacyReconnectWithAnIdOfAnotherSessionsStreamStartsANewSession() {
        McpHttpSession streamable = McpHttpSession.initialize(a.port(), "2025-11-25");
        Map<String, String> h = new HashMap<>(streamable.headers());
        h.put("Accept", "text/event-stream");
        String getStreamId;
        try (EventStream get = RawHttp.open(a.port(), "GET", "/mcp", h, null)) {
            getStreamId = get.nextFrame(5_000).split("\n")[0].substring(4);
        }
        try (EventStream legacy = RawHttp.open(b.port(), "GET", "/sse", Map.of("Accept", "text/event-stream",
                "Last-Event-ID", getStreamId), null)) {
            String endpoint = legacy.nextFrame(5_000);
            assertTrue(endpoint.contains("/messages?sessionId=") && !endpoint.contains(streamable.id()), endpoint);
        }
    }
}
