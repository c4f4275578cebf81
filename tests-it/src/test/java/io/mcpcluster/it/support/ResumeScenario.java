package io.mcpcluster.it.support;

import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resumption scenario shared by the cluster tests and the Arquillian targets. */
public final class ResumeScenario {
    private ResumeScenario() {
    }

    /**
     * A tool call's POST stream on the node at {@code cutPort} is cut after its first progress event;
     * a GET with that event's id as Last-Event-ID on the node at {@code resumePort} must deliver the
     * rest, progress 2..10 and the result, in order, without a gap or a duplicate.
     */
    public static void cutAfterFirstEventAndResume(int cutPort, int resumePort) {
        McpHttpSession s = McpHttpSession.initialize(cutPort, "2025-11-25");
        String lastId;
        try (EventStream call = RawHttp.open(cutPort, "POST", "/mcp", s.headers(), "{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"tools/call\",\"params\":{\"name\":\"slow_count\",\"arguments\":{\"n\":10,\"delayMs\":100},"
                + "\"_meta\":{\"progressToken\":\"t\"}}}")) {
            assertTrue(call.nextFrame(5_000).matches("id: \\S+\\.0\nretry: \\d+\ndata: "), "priming event first");
            String first = call.nextFrame(5_000);
            lastId = first.split("\n")[0].substring(4);
            assertTrue(lastId.endsWith(".1"), first);
        }
        Map<String, String> h = new HashMap<>(s.headers());
        h.put("Accept", "text/event-stream");
        h.put("Last-Event-ID", lastId);
        List<String[]> rest;
        try (EventStream resumed = RawHttp.open(resumePort, "GET", "/mcp", h, null)) {
            assertEquals(200, resumed.status());
            rest = drain(resumed);
        }
        List<Integer> progress = new ArrayList<>();
        JsonObject result = null;
        long previousSeq = 1;
        for (String[] e : rest) {
            long seq = Long.parseLong(e[0].substring(e[0].lastIndexOf('.') + 1));
            assertEquals(previousSeq + 1, seq, "in order, no gap, no duplicate");
            previousSeq = seq;
            JsonObject m = McpHttpSession.parse(e[1]);
            if ("notifications/progress".equals(m.getString("method", ""))) {
                progress.add(m.getJsonObject("params").getInt("progress"));
            } else if (!m.containsKey("method")) {
                result = m;
            }
        }
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10), progress);
        assertNotNull(result, "the result after the resume");
        assertEquals("Counted to 10", result.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
    }

    /** Reads frames until the stream ends (within a minute): each frame's id and data. */
    public static List<String[]> drain(EventStream stream) {
        List<String[]> out = new ArrayList<>();
        for (String f : stream.remainingFrames(10_000, 60_000)) {
            String id = null;
            String data = null;
            for (String line : f.split("\n")) {
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ") && line.length() > 6) {
                    data = line.substring(6);
                }
            }
            if (data != null) {
                out.add(new String[]{id, data});
            }
        }
        return out;
    }
}
