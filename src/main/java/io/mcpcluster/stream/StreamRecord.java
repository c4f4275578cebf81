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
 * @param orphanedSince   when the stream was first seen without a live holder; 0 while it has one
 * @param delivered       the last event its holder handed to the socket, as last recorded (legacy
 *                        streams): a client that reconnects without {@code Last-Event-ID} gets the rest
 * @param recentAnswers   the last responses given a sequence number, by number: if their writer dies
 *                        before the event is stored, the request is answered with an error instead
 */
public record StreamRecord(String id, String sessionId, StreamKind kind, String holder, long nextSeq,
                           Map<String, String> unanswered, long lastWriteMillis, long orphanedSince,
                           long delivered, Map<Long, Answer> recentAnswers) {

    public static final String DETACHED = "";
    private static final int RECENT_ANSWERS = 8;

    /** A response that took a sequence number: the request it answers, the node writing it, and when. */
    public record Answer(String requestId, String writer, long atMillis) {
    }

    public StreamRecord {
        unanswered = Map.copyOf(unanswered);
        recentAnswers = Map.copyOf(recentAnswers);
    }

    /** A new stream held by {@code node}, owing responses to {@code unanswered}. */
    public static StreamRecord open(String id, String sessionId, StreamKind kind, String node,
                                    Map<String, String> unanswered) {
        return new StreamRecord(id, sessionId, kind, node, 1, unanswered, System.currentTimeMillis(), 0, 0, Map.of());
    }

    /** Whether event {@code seq} was ever issued on this stream (0 is the priming event). */
    public boolean hasIssued(long seq) {
        return seq >= 0 && seq < nextSeq;
    }

    public boolean isHeld() {
        return !DETACHED.equals(holder);
    }

    /** Held by {@code node} now (or by nobody: {@link #DETACHED}, orphaned from now on). */
    public StreamRecord withHolder(String node) {
        long orphaned = DETACHED.equals(node) ? now(orphanedSince) : 0;
        return new StreamRecord(id, sessionId, kind, node, nextSeq, unanswered, lastWriteMillis, orphaned, delivered, recentAnswers);
    }

    /** Marks the stream orphaned from now on, if it was not already (its holder is gone). */
    public StreamRecord orphaned() {
        return orphanedSince != 0 ? this : new StreamRecord(id, sessionId, kind, holder, nextSeq, unanswered,
                lastWriteMillis, System.currentTimeMillis(), delivered, recentAnswers);
    }

    public StreamRecord withDelivered(long seq) {
        return seq <= delivered ? this : new StreamRecord(id, sessionId, kind, holder, nextSeq, unanswered,
                lastWriteMillis, orphanedSince, seq, recentAnswers);
    }

    /**
     * The record after one more event, written by {@code writer}; a response ({@code answeredRequestId}
     * not null) leaves the unanswered ones and is remembered among the recent answers.
     */
    public StreamRecord advanced(String answeredRequestId, String writer) {
        Map<String, String> rest = unanswered;
        Map<Long, Answer> recent = recentAnswers;
        if (answeredRequestId != null) {
            rest = new TreeMap<>(unanswered);
            rest.remove(answeredRequestId);
            TreeMap<Long, Answer> more = new TreeMap<>(recentAnswers);
            more.put(nextSeq, new Answer(answeredRequestId, writer, System.currentTimeMillis()));
            while (more.size() > RECENT_ANSWERS) {
                more.pollFirstEntry();
            }
            recent = more;
        }
        return new StreamRecord(id, sessionId, kind, holder, nextSeq + 1, rest, System.currentTimeMillis(),
                orphanedSince, delivered, recent);
    }

    public StreamRecord expecting(String requestId, String node) {
        Map<String, String> more = new TreeMap<>(unanswered);
        more.put(requestId, node);
        return new StreamRecord(id, sessionId, kind, holder, nextSeq, more, lastWriteMillis, orphanedSince, delivered,
                recentAnswers);
    }

    private static long now(long ifSet) {
        return ifSet != 0 ? ifSet : System.currentTimeMillis();
    }

    public String toJson() {
        JsonObjectBuilder u = Jsons.createObjectBuilder();
        unanswered.forEach(u::add);
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("s", sessionId).add("k", kind.name()).add("h", holder)
                .add("n", nextSeq).add("u", u).add("t", lastWriteMillis);
        if (orphanedSince != 0) {
            b.add("o", orphanedSince);
        }
        if (delivered != 0) {
            b.add("d", delivered);
        }
        if (!recentAnswers.isEmpty()) {
            JsonObjectBuilder r = Jsons.createObjectBuilder();
            recentAnswers.forEach((seq, a) -> r.add(String.valueOf(seq),
                    Jsons.createArrayBuilder().add(a.requestId()).add(a.writer()).add(a.atMillis())));
            b.add("r", r);
        }
        return JsonRpc.write(b.build());
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
        Map<Long, Answer> recent = new TreeMap<>();
        JsonObject r = o.getJsonObject("r");
        if (r != null) {
            r.forEach((seq, a) -> recent.put(Long.parseLong(seq), new Answer(a.asJsonArray().getString(0),
                    a.asJsonArray().getString(1), a.asJsonArray().getJsonNumber(2).longValue())));
        }
        return new StreamRecord(id, o.getString("s"), StreamKind.valueOf(o.getString("k")), o.getString("h"),
                o.getJsonNumber("n").longValue(), unanswered, o.getJsonNumber("t").longValue(), number(o, "o"),
                number(o, "d"), recent);
    }

    private static long number(JsonObject o, String key) {
        return o.containsKey(key) ? o.getJsonNumber(key).longValue() : 0;
    }
}
