package io.mcpcluster.transport;

import io.mcpcluster.config.ExecutionLimits;
import io.mcpcluster.node.Readiness;
import io.mcpcluster.protocol.Jsons;
import io.mcpcluster.cluster.CacheOperations;
import io.mcpcluster.cluster.Membership;
import io.mcpcluster.dispatch.Subscriptions;
import io.mcpcluster.node.FairRequestPool;
import io.mcpcluster.node.NodeExecutors;
import io.mcpcluster.drain.Drain;
import io.mcpcluster.protocol.ErrorCodes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The node's health, answered only once the servlets are initialised, which is after the node has
 * joined the cluster and started its caches:
 * <ul>
 *   <li>{@code GET /health}: 200 {@code {"status":"UP"}} (load balancers, the Jetty Arquillian container);</li>
 *   <li>{@code GET /health/live}: 200 {@code {"status":"UP"}} while the container serves; no cache call, so a
 *   node cut off from its peers stays alive (restarting it would not mend the network);</li>
 *   <li>{@code GET /health/ready}: 200 {@code {"status":"UP"}} while {@link Readiness} holds no reason, else
 *   503 {@code {"status":"DOWN"}}: send this node no new requests (it cannot reach a majority of the
 *   cluster, or it drains).</li>
 * </ul>
 * The node's name, the cluster's members, the requests running and waiting, the 2026-07-28
 * {@code subscriptions/listen} streams held here, with {@code mcp.infinispan.statistics} the node's
 * {@code cacheOperations}, and on {@code /health/ready} the reasons it is not ready are told only to a
 * caller whose {@code X-Health-Token} equals {@code mcp.health.token} (nobody when it is empty): anyone
 * else learns nothing of the cluster.
 *
 * <p>{@code POST /health/drain} with the health token drains the node now and answers 200
 * {@code {"status":"DRAINED"}} when it is done: a Kubernetes {@code preStop} hook, before the stop signal
 * (a Jetty distribution closes connections as soon as it is told to stop). Anyone else: 403.
 */
public class HealthServlet extends HttpServlet {
    /** The request header that carries the health token. */
    public static final String TOKEN_HEADER = "X-Health-Token";
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
        subscriptions = CDI.current().select(Subscriptions.class).get();
        requests = CDI.current().select(NodeExecutors.class).get().requests();
        cacheOperations = CDI.current().select(CacheOperations.class).get();
        readiness = CDI.current().select(Readiness.class).get();
        drain = CDI.current().select(Drain.class).get();
        token = CDI.current().select(ExecutionLimits.class).get().healthToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean details = detailsAllowed(req.getHeader(TOKEN_HEADER));
        resp.setHeader("Cache-Control", "no-store");
        switch (req.getServletPath()) {
            case "/health/live" -> reply(resp, true, Jsons.createObjectBuilder());
            case "/health/ready" -> ready(resp, details);
            case DRAIN -> {
                resp.setHeader("Allow", "POST");
                HttpReplies.error(req, resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, JsonValue.NULL,
                        ErrorCodes.SERVER_ERROR, "Method Not Allowed: POST drains the node");
            }
            default -> reply(resp, true, details ? details() : Jsons.createObjectBuilder());
        }
    }

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

    private void ready(HttpServletResponse resp, boolean details) throws IOException {
        var reasons = readiness.reasons();
        JsonObjectBuilder body = details ? details() : Jsons.createObjectBuilder();
        if (details && !reasons.isEmpty()) {
            var list = Jsons.createArrayBuilder();
            reasons.forEach(list::add);
            body.add("reasons", list);
        }
        reply(resp, reasons.isEmpty(), body);
    }

    private JsonObjectBuilder details() {
        var members = Jsons.createArrayBuilder();
        membership.members().forEach(members::add);
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("node", membership.nodeName()).add("members", members)
                .add("listenStreams", subscriptions.openCount()).add("requests", Jsons.createObjectBuilder()
                        .add("running", requests.running()).add("waiting", requests.waiting()));
        cacheOperations.count().ifPresent(n -> body.add("cacheOperations", n));
        return body;
    }

    private static void reply(HttpServletResponse resp, boolean up, JsonObjectBuilder rest) throws IOException {
        resp.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("status", up ? "UP" : "DOWN");
        rest.build().forEach(body::add);
        HttpReplies.json(resp, body.build().toString());
    }

    private boolean detailsAllowed(String offered) {
        return token.length > 0 && offered != null
                && MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.UTF_8));
    }
}
