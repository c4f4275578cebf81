package io.mcpcluster.api;

import java.util.List;

/**
 * A tool's result. A failure the model should see is {@code error(...)}: a normal result with
 * {@code isError: true}, not a JSON-RPC error. {@code structuredContent} may be null.
 */
public record ToolResponse(boolean isError, List<Content> content, Object structuredContent) {

    public ToolResponse {
        content = List.copyOf(content);
    }

    public static ToolResponse success(Content... content) {
        return new ToolResponse(false, List.of(content), null);
    }

    public static ToolResponse success(String text) {
        return success(new TextContent(text));
    }

    public static ToolResponse error(String message) {
        return new ToolResponse(true, List.of(new TextContent(message)), null);
    }
}
