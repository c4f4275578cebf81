package io.mcpcluster.it.clients;

import io.mcpcluster.it.support.NodeProcess;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official MCP Java SDK client (the pom's mcp-java-sdk.version) against a real node, over both transports. */
class JavaSdkClientIT {
    static NodeProcess node;

    @BeforeAll
    static void startNode() {
        node = NodeProcess.start("java-sdk", Map.of());
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static McpSyncClient client(String transport) {
        String base = "http://127.0.0.1:" + node.port();
        McpClientTransport t = "sse".equals(transport)
                ? HttpClientSseClientTransport.builder(base).sseEndpoint("/sse").build()
                : HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp").build();
        McpSyncClient client = McpClient.sync(t).requestTimeout(Duration.ofSeconds(20))
                .clientInfo(new McpSchema.Implementation("java-sdk-it", "1.0"))
                .capabilities(McpSchema.ClientCapabilities.builder().sampling().roots(true).build())
                .roots(new McpSchema.Root("file:///work/project", "project"))
                .sampling(req -> McpSchema.CreateMessageResult.builder().role(McpSchema.Role.ASSISTANT)
                        .content(new McpSchema.TextContent("java says hi")).model("test-model").build())
                .build();
        client.initialize();
        return client;
    }

    private static String text(McpSchema.CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    @ParameterizedTest(name = "transport {0}")
    @ValueSource(strings = {"streamable", "sse"})
    void listsCallsReadsAndGetsWithEveryAnswerChecked(String transport) {
        try (McpSyncClient client = client(transport)) {
            assertTrue(client.listTools().tools().stream().anyMatch(t -> t.name().equals("text_stats")));
            for (int i = 0; i < 100; i++) {
                int words = i % 9 + 1;
                McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("text_stats",
                        Map.of("text", "word ".repeat(words).trim())));
                assertTrue(text(r).contains("\"words\":" + words), text(r));
            }
            McpSchema.CallToolResult converted = client.callTool(new McpSchema.CallToolRequest("convert_temperature",
                    Map.of("value", 100, "from", "CELSIUS", "to", "FAHRENHEIT")));
            assertEquals("100.00 CELSIUS = 212.00 FAHRENHEIT", text(converted));
            assertEquals("java says hi", text(client.callTool(new McpSchema.CallToolRequest("summarize",
                    Map.of("text", "anything")))));

            assertEquals("file:///work/project", text(client.callTool(new McpSchema.CallToolRequest("list_roots",
                    Map.of()))));

            McpSchema.ReadResourceResult readme = client.readResource(new McpSchema.ReadResourceRequest("demo://readme"));
            assertTrue(((McpSchema.TextResourceContents) readme.contents().get(0)).text().contains("mcp-cluster demo"));
            McpSchema.ReadResourceResult blob = client.readResource(new McpSchema.ReadResourceRequest("test://static-binary"));
            assertEquals("image/png", blob.contents().get(0).mimeType());
            assertTrue(client.listResourceTemplates().resourceTemplates().stream()
                    .anyMatch(t -> t.uriTemplate().equals("demo://notes/{topic}")));

            McpSchema.GetPromptResult prompt = client.getPrompt(new McpSchema.GetPromptRequest("test_prompt_with_arguments",
                    Map.of("arg1", "one", "arg2", "two")));
            String promptText = ((McpSchema.TextContent) prompt.messages().get(0).content()).text();
            assertEquals("Prompt with arguments: arg1='one', arg2='two'", promptText);
            assertTrue(client.listPrompts().prompts().stream().allMatch(p -> !p.description().isBlank()));
        }
    }
}
