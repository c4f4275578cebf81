package io.mcpcluster.transport;

import io.mcpcluster.config.InputLimits;
import io.mcpcluster.config.McpConfig;
import io.mcpcluster.dispatch.InboundMessages;
import io.mcpcluster.session.Sessions;
import io.mcpcluster.stream.Streams;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;

/**
 * Base of the MCP servlets: looks the services they hand off to up once. Weld cannot inject into
 * servlets on Jetty 12.1 (no jetty-ee10-cdi for 12.1), and the lookup works unchanged on WildFly.
 */
public abstract class McpHttpServlet extends HttpServlet {
    protected transient McpConfig config;
    protected transient InputLimits limits;
    protected transient Sessions sessions;
    protected transient Streams streams;
    protected transient InboundMessages inbound;

    @Override
    public void init() {
        CDI<Object> cdi = CDI.current();
        config = cdi.select(McpConfig.class).get();
        limits = cdi.select(InputLimits.class).get();
        sessions = cdi.select(Sessions.class).get();
        streams = cdi.select(Streams.class).get();
        inbound = cdi.select(InboundMessages.class).get();
    }
}
