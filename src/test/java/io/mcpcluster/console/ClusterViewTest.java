package io.mcpcluster.console;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterViewTest {
    private static final long WINDOW = 60_000;
    private static final long SILENT = 5_000;

    private static NodeSnapshot snapshot(String node, long at, int sessions) {
        return new NodeSnapshot(node, at, sessions, 1, 0, -1, 0, 0, 2.5, 0, List.of());
    }

    private static Map<String, JsonObject> nodes(JsonObject view) {
        return view.getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(n -> n.getString("name"), n -> n));
    }

    @Test
    void membersWithFreshFiguresAreUpAndCarryTheirNewestPoint() {
        ClusterView v = new ClusterView("a", WINDOW, SILENT);
        v.members(List.of("a", "b"), 1_000);
        v.record(snapshot("a", 900, 3), 1_000);
        v.record(snapshot("b", 950, 4), 1_100);
        Map<String, JsonObject> n = nodes(v.view(2_000));
        assertEquals("up", n.get("a").getString("state"));
        assertEquals(4, n.get("b").getJsonObject("latest").getInt("sessions"));
        assertEquals("[1100,4,1,0,-1,2.5,0.0]", n.get("b").getJsonArray("point").toString(),
                "placed on the viewing node's clock, when it arrived");
        assertEquals("a", v.view(2_000).getString("self"));
    }

    @Test
    void aMemberWhoseFiguresStopComingIsSilentAndOneOutOfTheViewHasLeft() {
        ClusterView v = new ClusterView("a", WINDOW, SILENT);
        v.members(List.of("a", "b", "c"), 0);
        v.record(snapshot("b", 10, 1), 10);
        v.record(snapshot("c", 10, 1), 10);
        v.members(List.of("a", "b"), 7_000);
        Map<String, JsonObject> n = nodes(v.view(7_000));
        assertEquals("silent", n.get("b").getString("state"), "no figures for more than 5 s");
        assertEquals("left", n.get("c").getString("state"));
        assertEquals(7_000, n.get("c").getJsonNumber("leftAt").longValue());
        assertEquals("silent", n.get("a").getString("state"), "no figures of its own yet");
    }

    @Test
    void lateFiguresOfANodeThatLeftAreDroppedAndItIsForgottenAfterTheWindow() {
        ClusterView v = new ClusterView("a", WINDOW, SILENT);
        v.members(List.of("a", "b"), 0);
        v.members(List.of("a"), 1_000);
        v.record(snapshot("b", 1_500, 9), 1_500);
        assertFalse(nodes(v.view(1_500)).get("b").containsKey("latest"));
        v.members(List.of("a"), 1_000 + WINDOW + 1);
        assertFalse(nodes(v.view(1_000 + WINDOW + 1)).containsKey("b"));
    }

    @Test
    void duplicateAndOlderFiguresAreDroppedAndHistoryKeepsOnlyTheWindow() {
        ClusterView v = new ClusterView("a", WINDOW, SILENT);
        v.members(List.of("a"), 0);
        v.record(snapshot("a", 100, 1), 100);
        v.record(snapshot("a", 100, 1), 150);
        v.record(snapshot("a", 50, 7), 160);
        v.record(snapshot("a", 30_000, 2), 30_000);
        assertEquals(2, nodes(v.history(30_000)).get("a").getJsonArray("points").size());
        v.members(List.of("a"), WINDOW + 200);
        JsonObject history = v.history(WINDOW + 200);
        assertEquals("history", history.getString("type"));
        assertEquals(2, nodes(history).get("a").getJsonObject("latest").getInt("sessions"), "figures before the first view");
        assertEquals(1, nodes(history).get("a").getJsonArray("points").size(), "the point older than the window went");
        assertTrue(history.getJsonNumber("windowMillis").longValue() == WINDOW);
    }
}
