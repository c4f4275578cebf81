package io.mcpcluster.transport;

import io.mcpcluster.config.InputLimits;
import io.mcpcluster.config.McpConfig;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Reads every POST body without a thread waiting on the client: the body is collected by a
 * {@link jakarta.servlet.ReadListener} as its bytes arrive, then the request is dispatched again (an
 * ASYNC dispatch) and the servlet reads the collected bytes at once. (A declared length over the limit
 * was refused before, by {@link McpSecurityFilter}.) A body over
 * {@link McpConfig#maxBodyBytes()} is answered 413 as soon as it is; one not complete within
 * {@link InputLimits#bodyReadMillis()} is answered 408. So 250 clients that dribble their bodies hold
 * 250 connections and buffers, not 250 of the container's threads.
 *
 * <p>Mapped last in web.xml, for REQUEST and ASYNC dispatches: the filters before it run once, in the
 * REQUEST dispatch, and their request wrappers are kept (the async cycle starts with the objects this
 * filter was given). A filter mapped after it would run only in the ASYNC dispatch.
 */
public class BodyReadFilter extends HttpFilter {
    private long maxBodyBytes;
    private long readMillis;

    @Override
    public void init() {
        CDI<Object> cdi = CDI.current();
        maxBodyBytes = cdi.select(McpConfig.class).get().maxBodyBytes();
        readMillis = cdi.select(InputLimits.class).get().bodyReadMillis();
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        Object body = req.getAttribute(BodyCollector.BODY_ATTRIBUTE);
        if (body instanceof byte[] bytes) {
            req.removeAttribute(BodyCollector.BODY_ATTRIBUTE);
            chain.doFilter(new CollectedBodyRequest(req, bytes), resp);
            return;
        }
        if (req.getDispatcherType() != DispatcherType.REQUEST || !"POST".equals(req.getMethod())
                || req.getContentLengthLong() == 0) {
            chain.doFilter(req, resp);
            return;
        }
        AsyncContext async = req.startAsync(req, resp);
        async.setTimeout(readMillis);
        BodyCollector collector = new BodyCollector(req, resp, async, maxBodyBytes, readMillis);
        async.addListener(collector.timeoutListener());
        req.getInputStream().setReadListener(collector);
    }
}
