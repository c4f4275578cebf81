package io.mcpcluster.cluster;

import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A short control message between nodes, one of the {@link Type}s (a session ended, a request was
 * cancelled, a client answered, a stream changed hands, closes for polling, or is relinked). Sent with
 * {@link ClusterSignals}.
 */
public record Signal(Type type, String sessionId, JsonValue payload) {

    public enum Type {
        /** The session was deleted: close its streams here. */
        SESSION_CLOSED,
        /** {@code notifications/cancelled}: payload is the request id. */
        CANCEL,
        /** A client's JSON-RPC response to a server-to-client request: payload is the message. */
        CLIENT_RESPONSE,
        /** Another node took the stream over: the payload names the stream; close the local connection. */
        STREAM_TAKEN,
        /** A tool asked to close its stream for polling (SEP-1699): the payload names the stream. */
        POLL_CLOSE,
        /**
         * A legacy client that reconnected without {@code Last-Event-ID} answered the relink ping (the
         * payload) by POSTing to its session: the node holding the new connection makes it that
         * session's stream again.
         */
        RELINK,
        /**
         * A list changed or a resource was updated (payload: the notification, untagged): every node
         * hands it to its own 2026-07-28 {@code subscriptions/listen} streams that asked for it.
         */
        LISTEN_NOTIFICATION,
        /** This node's figures for the console (payload: a {@code console.NodeSnapshot}), every few seconds. */
        CONSOLE_SNAPSHOT,
        /**
         * A type this node does not know, sent by a newer node in a mixed-version cluster: it has no
         * handler, so it is dropped instead of failing the listener that read it.
         */
        UNKNOWN
    }

    public String toJson() {
        return JsonRpc.write(Jsons.createObjectBuilder().add("t", type.name())
                .add("s", sessionId == null ? "" : sessionId).add("p", payload == null ? JsonValue.NULL : payload)
                .build());
    }

    public static Signal fromJson(String json) {
        JsonObject o = JsonRpc.parseObject(json);
        String s = o.getString("s");
        return new Signal(type(o.getString("t")), s.isEmpty() ? null : s, o.get("p"));
    }

    private static Type type(String name) {
        try {
            return Type.valueOf(name);
        } catch (IllegalArgumentException newerNode) {
            return Type.UNKNOWN;
        }
    }
}
