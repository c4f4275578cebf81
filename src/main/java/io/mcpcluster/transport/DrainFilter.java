package io.mcpcluster.transport;

import io.mcpcluster.drain.Drain;
import io.mcpcluster.protocol.ErrorCodes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonValue;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A draining node refuses every new MCP request with {@code 503} and a JSON-RPC error, before anything
 * of it is read, recorded or run: a balancer retries it on another node ({@code proxy_next_upstream
 * http_503 non_idempotent}), where it runs once. The connection is closed after the answer, so that a
 * balancer's kept-alive connection does not bring the next request here.
 */
public class DrainFilter extends HttpFilter {
    private transient Drain drain;

    @Override
    public void init() {
        drain = CDI.current().select(Drain.class).get();
    }

    /**
     * Serves the request; a POST or DELETE counts as running until its response is complete (an answer
     * stream until its last response is written), so that a drain waits for it. Standalone streams (GET)
     * do not count: they are handed off, not waited for.
     */
    private void admitted(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if ("GET".equals(req.getMethod())) {
            chain.doFilter(req, resp);
            return;
        }
        Runnable done = drain.admit();
        try {
            chain.doFilter(req, resp);
        } finally {
            if (req.isAsyncStarted()) {
                req.getAsyncContext().addListener(new UntilComplete(done));
            } else {
                done.run();
            }
        }
    }

    /** Runs {@code done} when the request's last asynchronous cycle ends, across re-dispatches. */
    private record UntilComplete(Runnable done) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            done.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows.
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows.
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // A new asynchronous cycle (the body reader's dispatch, then the answer stream) keeps no listener.
            event.getAsyncContext().addListener(this);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (!drain.refusing()) {
            admitted(req, resp, chain);
            return;
        }
        drain.countRefused();
        resp.setHeader("Connection", "close");
        resp.setHeader("Retry-After", "1");
        HttpReplies.error(req, resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                "Service Unavailable: this node is stopping; retry on another node");
    }
}
