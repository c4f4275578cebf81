package io.mcpcluster.console;

import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * One node's figures at one moment, as it publishes them to the others every few seconds: a few
 * hundred bytes of JSON. Counts are what this node holds now; rates are per second since its previous
 * snapshot, measured by the node itself (no clock is compared across nodes).
 *
 * @param sessions       live sessions created on this node
 * @param streams        event-stream connections this node holds (session streams, not listen streams)
 * @param listenStreams  2026-07-28 {@code subscriptions/listen} streams held here
 * @param tasks          tasks executing here, or -1 where this build counts none
 * @param running        client requests running on this node's request pool
 * @param waiting        client requests waiting for a thread of it
 * @param requestsPerSec requests answered per second
 * @param errorsPerSec   of those, errors per second
 * @param errors         the node's most recent errors, newest first
 */
public record NodeSnapshot(String node, long atMillis, int sessions, int streams, int listenStreams, long tasks,
                           int running, int waiting, double requestsPerSec, double errorsPerSec,
                           List<RecentError> errors) {

    /** One error this node answered or logged: when, and a short text safe to show (already escaped). */
    public record RecentError(long atMillis, String text) {
    }

    public NodeSnapshot {
        errors = List.copyOf(errors);
    }

    public JsonObject toJson() {
        JsonArrayBuilder errs = Jsons.createArrayBuilder();
        errors.forEach(e -> errs.add(Jsons.createObjectBuilder().add("at", e.atMillis()).add("text", e.text())));
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("node", node).add("at", atMillis)
                .add("sessions", sessions).add("streams", streams).add("listenStreams", listenStreams)
                .add("running", running).add("waiting", waiting)
                .add("requestsPerSec", round(requestsPerSec)).add("errorsPerSec", round(errorsPerSec))
                .add("errors", errs);
        if (tasks >= 0) {
            b.add("tasks", tasks);
        }
        return b.build();
    }

    public static NodeSnapshot fromJson(JsonObject o) {
        List<RecentError> errors = o.getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                .map(e -> new RecentError(e.getJsonNumber("at").longValue(), e.getString("text"))).toList();
        JsonNumber tasks = o.getJsonNumber("tasks");
        return new NodeSnapshot(o.getString("node"), o.getJsonNumber("at").longValue(), o.getInt("sessions"),
                o.getInt("streams"), o.getInt("listenStreams"), tasks == null ? -1 : tasks.longValue(),
                o.getInt("running"), o.getInt("waiting"), o.getJsonNumber("requestsPerSec").doubleValue(),
                o.getJsonNumber("errorsPerSec").doubleValue(), errors);
    }

    /**
     * The point of this snapshot in a chart's series, {@code [t, sessions, streams, listen, tasks, req/s, err/s]},
     * at {@code t}: when the viewing node received it, so that one clock places every node's points.
     */
    JsonValue point(long t) {
        return Jsons.createArrayBuilder().add(t).add(sessions).add(streams).add(listenStreams).add(tasks)
                .add(round(requestsPerSec)).add(round(errorsPerSec)).build();
    }

    private static double round(double perSecond) {
        return Math.round(perSecond * 100) / 100.0;
    }
}
