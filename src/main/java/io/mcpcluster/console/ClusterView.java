package io.mcpcluster.console;

import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one node knows of every node, for its console viewers: the members of its current view, the
 * snapshots each node published over the last {@code windowMillis}, and the nodes that left the view
 * (kept, marked with when they left, for the same window). A member is {@code up} while its snapshots
 * arrive, {@code silent} when none came for {@code silentMillis} (overloaded, frozen, or a build without
 * the console), {@code left} once it is out of the view. Points are placed on this node's clock, when
 * each snapshot arrived. Thread safe.
 */
final class ClusterView {
    private final String self;
    private final long windowMillis;
    private final long silentMillis;
    private final Map<String, NodeHistory> nodes = new TreeMap<>();

    private record Point(long receivedAt, NodeSnapshot snapshot) {
    }

    private static final class NodeHistory {
        final Deque<Point> points = new ArrayDeque<>();
        boolean member;
        long leftAt;

        Point latest() {
            return points.peekLast();
        }
    }

    ClusterView(String self, long windowMillis, long silentMillis) {
        this.self = self;
        this.windowMillis = windowMillis;
        this.silentMillis = silentMillis;
    }

    /**
     * A snapshot published by {@code snapshot.node()}, received now. Kept only from a member of the view
     * (a late one from a node that left is dropped, as are duplicates and older ones).
     */
    synchronized void record(NodeSnapshot snapshot, long now) {
        NodeHistory h = nodes.get(snapshot.node());
        if (h == null || !h.member) {
            return;
        }
        Point latest = h.latest();
        if (latest == null || snapshot.atMillis() > latest.snapshot().atMillis()) {
            h.points.addLast(new Point(now, snapshot));
        }
    }

    /** The members of this node's view now: who joined, who left, and what is too old to keep. */
    synchronized void members(Collection<String> current, long now) {
        Set<String> live = new HashSet<>(current);
        for (String name : live) {
            NodeHistory h = nodes.computeIfAbsent(name, n -> new NodeHistory());
            h.member = true;
            h.leftAt = 0;
        }
        for (Map.Entry<String, NodeHistory> e : nodes.entrySet()) {
            NodeHistory h = e.getValue();
            if (!live.contains(e.getKey()) && h.member) {
                h.member = false;
                h.leftAt = now;
            }
            while (!h.points.isEmpty() && now - h.points.peekFirst().receivedAt() > windowMillis) {
                h.points.removeFirst();
            }
        }
        nodes.values().removeIf(h -> !h.member && now - h.leftAt > windowMillis);
    }

    /** The current state of every node, with each one's newest point: {@code {"type":"view",…}}. */
    synchronized JsonObject view(long now) {
        JsonArrayBuilder list = Jsons.createArrayBuilder();
        nodes.forEach((name, h) -> {
            JsonObjectBuilder n = describe(name, h, now);
            Point latest = h.latest();
            if (latest != null) {
                n.add("latest", latest.snapshot().toJson()).add("point", latest.snapshot().point(latest.receivedAt()));
            }
            list.add(n);
        });
        return header("view", now).add("nodes", list).build();
    }

    /** Every node's points over the window, for a viewer that just arrived: {@code {"type":"history",…}}. */
    synchronized JsonObject history(long now) {
        JsonArrayBuilder list = Jsons.createArrayBuilder();
        nodes.forEach((name, h) -> {
            JsonArrayBuilder points = Jsons.createArrayBuilder();
            h.points.forEach(p -> points.add(p.snapshot().point(p.receivedAt())));
            JsonObjectBuilder n = describe(name, h, now).add("points", points);
            Point latest = h.latest();
            if (latest != null) {
                n.add("latest", latest.snapshot().toJson()); // the page shows figures before the first view
            }
            list.add(n);
        });
        return header("history", now).add("nodes", list).build();
    }

    private JsonObjectBuilder header(String type, long now) {
        return Jsons.createObjectBuilder().add("type", type).add("self", self).add("now", now)
                .add("windowMillis", windowMillis);
    }

    private JsonObjectBuilder describe(String name, NodeHistory h, long now) {
        Point latest = h.latest();
        String state = !h.member ? "left"
                : latest != null && now - latest.receivedAt() <= silentMillis ? "up" : "silent";
        JsonObjectBuilder n = Jsons.createObjectBuilder().add("name", name).add("state", state);
        if (!h.member) {
            n.add("leftAt", h.leftAt);
        }
        return n;
    }
}
