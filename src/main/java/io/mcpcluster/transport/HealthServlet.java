package io.mcpcluster.transport;

import io.mcpcluster.config.ExecutionLimits;
import io.mcpcluster.protocol.Jsons;
import io.mcpcluster.cluster.CacheOperations;
import io.mcpcluster.cluster.Membership;
import io.mcpcluster.dispatch.Subscriptions;
import io.mcpcluster.node.FairRequestPool;
import io.mcpcluster.drain.Drain;
import io.mcpcluster.node.NodeExecutors;
import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.node.Readiness;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * {@code GET /health/live}: 200 {@code {"status":"LIVE"}} while the container serves the application (no
 * cache call: a liveness probe must not fail because the cluster is slow). {@code GET /health/ready}: 200
 * {@code {"status":"READY"}} while {@link Readiness} holds no reason, else 503 {@code {"status":"NOT_READY"}},
 * with the {@code reasons} (e.g. {@code draining}) told only to the health token's holder.
 *
 * <p>{@code GET /health}: 200 {@code {"status":"UP"}}. It answers only once the servlets are initialised,
 * which is after the node has joined the cluster and started its caches. The node's name, the cluster's
 * members, the requests running and waiting, the 2026-07-28 {@code subscriptions/listen} streams held
 * here and, with {@code mcp.infinispan.statistics}, the node's {@code cacheOperations} are told only to a
 * caller whose {@code X-Health-Token} equals {@code mcp.health.token} (nobody when it is empty): anyone
 * else learns nothing of the cluster.
 */
public class HealthServlet extends HttpServlet {
    /** The request header that carries the health token. */
    public static final String TOKEN_HEADER = "X-Health-Token";
    private static final String LIVE = "/health/live";
    private static final String READY = "/health/ready";
    private static final String DRAIN = "/health/drain";

    private transient Membership membership;
    private transient Subscriptions subscriptions;
    private transient FairRequestPool requests;
    private transient CacheOperations cacheOperations;
    private transient Readiness readiness;
    private transient Drain drain;
    private transient byte[] token;

    @Override
    public void init() {
        membership = CDI.current().select(Membership.class).get();
        readiness = CDI.current().select(Readiness.class).get();
        drain = CDI.current().select(Drain.class).get();
        subscriptions = CDI.current().select(Subscriptions.class).get();
        requests = CDI.current().select(NodeExecutors.class).get().requests();
        cacheOperations = CDI.current().select(CacheOperations.class).get();
        token = CDI.current().select(ExecutionLimits.class).get().healthToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        switch (req.getServletPath()) {
            case LIVE -> HttpReplies.json(resp, "{\"status\":\"LIVE\"}");
            case READY -> ready(req, resp);
            case DRAIN -> {
                resp.setHeader("Allow", "POST");
                HttpReplies.error(req, resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, JsonValue.NULL,
                        ErrorCodes.SERVER_ERROR, "Method Not Allowed: POST drains the node");
            }
            default -> health(req, resp);
        }
    }

    /**
     * {@code POST /health/drain} with the health token: drains this node now and answers 200
     * {@code {"status":"DRAINED"}} when it is done (a Kubernetes {@code preStop} hook, before the stop
     * signal: a Jetty distribution closes connections as soon as it is told to stop). Anyone else: 403.
     */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!DRAIN.equals(req.getServletPath())) {
            resp.setHeader("Allow", "GET");
            HttpReplies.error(req, resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, JsonValue.NULL,
                    ErrorCodes.SERVER_ERROR, "Method Not Allowed");
        } else if (!detailsAllowed(req.getHeader(TOKEN_HEADER))) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_FORBIDDEN, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                    "Forbidden: draining a node needs its X-Health-Token");
        } else {
            drain.run(true);
            resp.setHeader("Cache-Control", "no-store");
            HttpReplies.json(resp, "{\"status\":\"DRAINED\"}");
        }
    }

    private void ready(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Set<String> reasons = readiness.reasons();
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("status", reasons.isEmpty() ? "READY" : "NOT_READY");
        if (!reasons.isEmpty() && detailsAllowed(req.getHeader(TOKEN_HEADER))) {
            var list = Jsons.createArrayBuilder();
            reasons.forEach(list::add);
            body.add("reasons", list);
        }
        resp.setStatus(reasons.isEmpty() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        HttpReplies.json(resp, body.build().toString());
    }

    private void health(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("status", "UP");
        if (detailsAllowed(req.getHeader(TOKEN_HEADER))) {
            var members = Jsons.createArrayBuilder();
            membership.members().forEach(members::add);
            body.add("node", membership.nodeName()).add("members", members)
                    .add("listenStreams", subscriptions.openCount()).add("requests", Jsons.createObjectBuilder()
                            .add("running", requests.running()).add("waiting", requests.waiting()));
            cacheOperations.count().ifPresent(n -> body.add("cacheOperations", n));
        }
        resp.setStatus(HttpServletResponse.SC_OK);
        HttpReplies.json(resp, body.build().toString());
    }

    private boolean detailsAllowed(String offered) {
        return token.length > 0 && offered != null
                && MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.UTF_8));
    }
}
