package io.mcpcluster.session;

import io.mcpcluster.protocol.JsonRpc;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The cluster's record of one SSE stream: whose it is, which node writes it to a socket now, and the
 * next sequence number. Stored as JSON text; changed only by compare-and-set.
 */
public record StreamRecord(String id, String sessionId, MessageRouter.StreamKind kind, String holder, long nextSeq) {

    public StreamRecord withHolder(String node) {
        return new StreamRecord(id, sessionId, kind, node, nextSeq);
    }

    public StreamRecord advanced() {
        return new StreamRecord(id, sessionId, kind, holder, nextSeq + 1);
    }

    public String toJson() {
        return JsonRpc.write(Json.createObjectBuilder().add("s", sessionId).add("k", kind.name()).add("h", holder)
                .add("n", nextSeq).build());
    }

    public static StreamRecord fromJson(String id, String json) {
        JsonObject o = JsonRpc.parseObject(json);
        return new StreamRecord(id, o.getString("s"), MessageRouter.StreamKind.valueOf(o.getString("k")),
                o.getString("h"), o.getJsonNumber("n").longValue());
    }
}
