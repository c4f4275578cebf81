package io.mcpcluster.console;

import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.sse.EventId;
import io.mcpcluster.stream.Event;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeSnapshotTest {

    @Test
    void survivesTheJsonRoundTripOfTheBroadcast() {
        NodeSnapshot s = new NodeSnapshot("node2", 1_700_000_000_000L, 12, 5, 2, 3, 4, 1, 17.25, 0.5,
                List.of(new NodeSnapshot.RecentError(1_700_000_000_001L, "POST /mcp answered 404")));
        assertEquals(s, NodeSnapshot.fromJson(JsonRpc.parseObject(s.toJson().toString())));
    }

    @Test
    void aBuildWithoutTasksPublishesNoTaskCount() {
        NodeSnapshot s = new NodeSnapshot("n", 1, 0, 0, 0, -1, 0, 0, 0, 0, List.of());
        assertFalse(s.toJson().containsKey("tasks"));
        assertEquals(-1, NodeSnapshot.fromJson(s.toJson()).tasks());
    }

    @Test
    void staysSmallOnTheBus() {
        List<NodeSnapshot.RecentError> errors = List.of(
                new NodeSnapshot.RecentError(1, "x".repeat(RecentErrors.MAX_TEXT)),
                new NodeSnapshot.RecentError(2, "x".repeat(RecentErrors.MAX_TEXT)));
        int quiet = new NodeSnapshot("node-1", 1_700_000_000_000L, 100, 100, 10, 5, 64, 1000, 1234.56, 12.5, List.of())
                .toJson().toString().length();
        int withErrors = new NodeSnapshot("node-1", 1_700_000_000_000L, 100, 100, 10, 5, 64, 1000, 1234.56, 12.5, errors)
                .toJson().toString().length();
        assertTrue(quiet < 250, quiet + " bytes");
        assertTrue(withErrors < quiet + 2 * (RecentErrors.MAX_TEXT + 40), withErrors + " bytes");
    }

    @Test
    void anEventIsSummarisedWithoutItsContent() {
        String result = "{\"jsonrpc\":\"2.0\",\"id\":\"r1\",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"secrét\"}]}}";
        var response = IdLookup.summary(new Event(new EventId("s", 7), result, true));
        assertEquals("{\"seq\":7,\"bytes\":" + (result.length() + 1) + ",\"type\":\"response\",\"id\":\"\\\"r1\\\"\"}",
                response.toString(), "bytes of UTF-8 (é is two)");
        var error = IdLookup.summary(new Event(new EventId("s", 8),
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32603,\"message\":\"boom\"}}", true));
        assertEquals(-32603, error.getInt("error"));
        var progress = IdLookup.summary(new Event(new EventId("s", 9),
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progress\":1}}", false));
        assertEquals("notification", progress.getString("type"));
        assertEquals("notifications/progress", progress.getString("method"));
        assertFalse(response.toString().contains("secr"));
    }
}
