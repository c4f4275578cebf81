package io.mcpcluster.transport;

import io.mcpcluster.protocol.Jsons;
import io.mcpcluster.cluster.Membership;
import io.mcpcluster.dispatch.Subscriptions;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code GET /health}: 200 with this node's name and the cluster's members. It answers only once the
 * servlets are initialised, which is after the node has joined the cluster and started its caches,
 * so it serves as a readiness probe (Kubernetes, load balancers, the Jetty Arquillian container). It
 * also counts the 2026-07-28 {@code subscriptions/listen} streams this node holds.
 */
public class HealthServlet extends HttpServlet {
    private transient Membership membership;
    private transient Subscriptions subscriptions;

    @Override
    public void init() {
        membership = CDI.current().select(Membership.class).get();
        subscriptions = CDI.current().select(Subscriptions.class).get();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var members = Jsons.createArrayBuilder();
        membership.members().forEach(members::add);
        String body = Jsons.createObjectBuilder()
                .add("status", "UP")
                .add("node", membership.nodeName())
                .add("members", members)
                .add("listenStreams", subscriptions.openCount())
                .build().toString();
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(body);
    }
}
