package io.mcpcluster.dispatch;

import io.mcpcluster.session.MessageRouter;
import io.mcpcluster.session.Session;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;

/** Builds the {@link RequestContext} of a request (the dispatch package keeps its constructor to itself). */
public final class RequestContexts {
    private final MessageRouter router;
    private final ClientRequests clientRequests;
    private final Jsonb jsonb;

    public RequestContexts(MessageRouter router, ClientRequests clientRequests, Jsonb jsonb) {
        this.router = router;
        this.clientRequests = clientRequests;
        this.jsonb = jsonb;
    }

    /** {@code streamId} is where the request's messages go; null drops them (no stream open). */
    public RequestContext create(Session session, JsonValue requestId, JsonValue progressToken, String streamId) {
        return new RequestContext(session, requestId, progressToken, new Outbound(router, streamId), clientRequests,
                jsonb);
    }

    /** Sends {@code message} to {@code ctx}'s stream. */
    public void reply(RequestContext ctx, jakarta.json.JsonObject message) {
        ctx.outbound().send(message);
    }

    public void cancel(RequestContext ctx) {
        ctx.cancel();
    }
}
