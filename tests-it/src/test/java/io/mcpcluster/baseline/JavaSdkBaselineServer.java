package io.mcpcluster.baseline;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.util.List;
import java.util.Map;

/**
 * The baseline: the official MCP Java SDK servlet transports (sessions in one JVM's memory; version
 * {@link #SDK_VERSION}) in embedded Jetty, with the same trivial {@code text_stats} tool as the demo. Legacy SSE at
 * {@code /sse} + {@code /mcp/message}, Streamable HTTP at {@code /mcp}. Used to show the multi-node
 * 404 that mcp-cluster fixes, and as the benchmarks' reference. Usage: {@code JavaSdkBaselineServer PORT}.
 */
public final class JavaSdkBaselineServer {
    /** The SDK's version as its jar states it (the pom's mcp-java-sdk.version), for reports. */
    public static final String SDK_VERSION = McpServer.class.getPackage().getImplementationVersion();

    private JavaSdkBaselineServer() {
    }

    static McpServerFeatures.SyncToolSpecification textStats() {
        McpSchema.Tool tool = McpSchema.Tool.builder().name("text_stats").description("Counts words of a text")
                .inputSchema(Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string")),
                        "required", List.of("text"))).build();
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool).callHandler((exchange, req) -> {
            String text = String.valueOf(req.arguments().get("text"));
            int words = text.isBlank() ? 0 : text.trim().split("\\s+").length;
            return McpSchema.CallToolResult.builder().content(List.of(new McpSchema.TextContent(
                    "{\"characters\":" + text.length() + ",\"words\":" + words + "}"))).isError(false).build();
        }).build();
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        HttpServletSseServerTransportProvider sse = HttpServletSseServerTransportProvider.builder()
                .messageEndpoint("/mcp/message").sseEndpoint("/sse").build();
        HttpServletStreamableServerTransportProvider streamable = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint("/mcp").build();
        McpServer.sync(sse).serverInfo("java-sdk-baseline", SDK_VERSION)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build()).tools(textStats()).build();
        McpServer.sync(streamable).serverInfo("java-sdk-baseline", SDK_VERSION)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build()).tools(textStats()).build();

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder sseHolder = new ServletHolder(sse);
        sseHolder.setAsyncSupported(true);
        context.addServlet(sseHolder, "/sse");
        context.addServlet(sseHolder, "/mcp/message");
        ServletHolder streamableHolder = new ServletHolder(streamable);
        streamableHolder.setAsyncSupported(true);
        context.addServlet(streamableHolder, "/mcp");
        server.setHandler(context);
        server.start();
        System.out.println("java-sdk-baseline listening on http://127.0.0.1:" + connector.getLocalPort());
        server.join();
    }
}
