package io.mcpcluster.dispatch;

import io.mcpcluster.session.Session;
import io.mcpcluster.stream.EventLog;
import io.mcpcluster.stream.Streams;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;

/** Builds the {@link RequestContext} of a request (the dispatch package keeps its constructor to itself). */
final class RequestContexts {
    private final EventLog log;
    private final Streams streams;
    private final ClientRequests clientRequests;
    private final Jsonb jsonb;

    RequestContexts(EventLog log, Streams streams, ClientRequests clientRequests, Jsonb jsonb) {
        this.log = log;
        this.streams = streams;
        this.clientRequests = clientRequests;
        this.jsonb = jsonb;
    }

    /** {@code streamId} is where the request's messages go; null drops them (no stream open). */
    RequestContext create(Session session, JsonValue requestId, JsonValue progressToken, String streamId) {
        return new RequestContext(session, requestId, progressToken, new EventLogOutbound(log, streams, streamId),
                clientRequests, jsonb);
    }

    /** Sends {@code message} to {@code ctx}'s stream. */
    void reply(RequestContext ctx, JsonObject message) {
        ctx.outbound().send(message);
    }
}
