package io.mcpcluster.stream;

import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.TreeMap;

/**
 * The cluster's record of one SSE stream: whose it is, which node writes it to a socket now
 * ({@code holder}, empty while no connection is open), the next sequence number, and the requests
 * whose responses it still owes, with the node executing each. Stored as JSON text; changed only by
 * compare-and-set, so that any node can take a stream over or answer for a node that died.
 *
 * @param unanswered      request id (as JSON text, e.g. {@code 7} or {@code "a"}) → node executing it
 * @param lastWriteMillis when the last event was appended: tells expired events from ones in flight
 */
public record StreamRecord(String id, String sessionId, StreamKind kind, String holder, long nextSeq,
                           Map<String, String> unanswered, long lastWriteMillis) {

    public static final String DETACHED = "";

    public StreamRecord {
        unanswered = Map.copyOf(unanswered);
    }

    public boolean isHeld() {
        return !DETACHED.equals(holder);
    }

    public StreamRecord withHolder(String node) {
        return new StreamRecord(id, sessionId, kind, node, nextSeq, unanswered, lastWriteMillis);
    }

    /** The record after one more event; a response removes its request from the unanswered ones. */
    public StreamRecord advanced(String answeredRequestId) {
        if (answeredRequestId == null || !unanswered.containsKey(answeredRequestId)) {
            return new StreamRecord(id, sessionId, kind, holder, nextSeq + 1, unanswered, System.currentTimeMillis());
        }
        Map<String, String> rest = new TreeMap<>(unanswered);
        rest.remove(answeredRequestId);
        return new StreamRecord(id, sessionId, kind, holder, nextSeq + 1, rest, System.currentTimeMillis());
    }

    public StreamRecord expecting(String requestId, String node) {
        Map<String, String> more = new TreeMap<>(unanswered);
        more.put(requestId, node);
        return new StreamRecord(id, sessionId, kind, holder, nextSeq, more, lastWriteMillis);
    }

    public String toJson() {
        JsonObjectBuilder u = Jsons.createObjectBuilder();
        unanswered.forEach(u::add);
        return JsonRpc.write(Jsons.createObjectBuilder().add("s", sessionId).add("k", kind.name()).add("h", holder)
                .add("n", nextSeq).add("u", u).add("t", lastWriteMillis).build());
    }

    public static StreamRecord fromJson(String id, String json) {
        JsonObject o = JsonRpc.parseObject(json);
        Map<String, String> unanswered = new TreeMap<>();
        JsonObject u = o.getJsonObject("u");
        if (u != null) {
            for (Map.Entry<String, JsonValue> e : u.entrySet()) {
                unanswered.put(e.getKey(), ((JsonString) e.getValue()).getString());
            }
        }
        return new StreamRecord(id, o.getString("s"), StreamKind.valueOf(o.getString("k")),
                o.getString("h"), o.getJsonNumber("n").longValue(), unanswered, o.getJsonNumber("t").longValue());
    }
}
