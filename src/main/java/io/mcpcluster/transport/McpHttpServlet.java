package io.mcpcluster.transport;

import io.mcpcluster.server.McpServer;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;

/**
 * Base of the MCP servlets: looks the node's {@link McpServer} up once. Weld cannot inject into
 * servlets on Jetty 12.1 (no jetty-ee10-cdi for 12.1), and the lookup works unchanged on WildFly.
 */
public abstract class McpHttpServlet extends HttpServlet {
    protected transient McpServer server;

    @Override
    public void init() {
        server = CDI.current().select(McpServer.class).get();
    }
}
