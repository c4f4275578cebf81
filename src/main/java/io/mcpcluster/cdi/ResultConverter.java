package io.mcpcluster.cdi;

import io.mcpcluster.api.BlobResourceContents;
import io.mcpcluster.api.Content;
import io.mcpcluster.api.PromptMessage;
import io.mcpcluster.api.PromptResponse;
import io.mcpcluster.api.ResourceContents;
import io.mcpcluster.api.ResourceResponse;
import io.mcpcluster.api.TextContent;
import io.mcpcluster.api.TextResourceContents;
import io.mcpcluster.api.ToolResponse;
import jakarta.json.bind.Jsonb;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Turns what an annotated method returned into the protocol's shapes, as quarkus-mcp-server does
 * (with {@code CompletionStage} in place of {@code Uni}). Tools: {@code ToolResponse}, {@code Content},
 * a list of contents, {@code String} (text), anything else (JSON text via JSON-B). Prompts:
 * {@code PromptResponse}, {@code PromptMessage}, a list of messages, {@code String} (one user text).
 * Resources: {@code ResourceResponse}, {@code ResourceContents}, a list of them, {@code String}.
 */
final class ResultConverter {
    private final Jsonb jsonb;

    ResultConverter(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /** Unwraps nested stages, then applies {@code f}. */
    static <T> CompletionStage<T> flatten(Object result, Function<Object, T> f) {
        if (result instanceof CompletionStage<?> stage) {
            return stage.thenCompose(r -> flatten(r, f));
        }
        return CompletableFuture.completedFuture(f.apply(result));
    }

    ToolResponse tool(Object r) {
        if (r == null) {
            return ToolResponse.success();
        }
        if (r instanceof ToolResponse t) {
            return t;
        }
        if (r instanceof Content c) {
            return ToolResponse.success(c);
        }
        if (r instanceof String s) {
            return ToolResponse.success(s);
        }
        if (r instanceof List<?> list && list.stream().allMatch(o -> o instanceof Content || o instanceof String)) {
            List<Content> content = new ArrayList<>();
            for (Object o : list) {
                content.add(o instanceof Content c ? c : new TextContent((String) o));
            }
            return new ToolResponse(false, content, null);
        }
        return ToolResponse.success(jsonb.toJson(r));
    }

    PromptResponse prompt(Object r) {
        if (r instanceof PromptResponse p) {
            return p;
        }
        if (r instanceof PromptMessage m) {
            return new PromptResponse(null, List.of(m));
        }
        if (r instanceof String s) {
            return new PromptResponse(null, List.of(PromptMessage.withUserRole(new TextContent(s))));
        }
        if (r instanceof List<?> list) {
            return new PromptResponse(null, list.stream().map(PromptMessage.class::cast).toList());
        }
        throw new IllegalStateException("Unsupported prompt result: " + (r == null ? "null" : r.getClass()));
    }

    List<ResourceContents> resource(Object r, String uri, String mimeType) {
        if (r instanceof ResourceResponse rr) {
            return rr.contents();
        }
        if (r instanceof ResourceContents rc) {
            return List.of(rc);
        }
        if (r instanceof String s) {
            return List.of(new TextResourceContents(uri, s, mimeType.isEmpty() ? "text/plain" : mimeType));
        }
        if (r instanceof byte[] bytes) {
            return List.of(new BlobResourceContents(uri, java.util.Base64.getEncoder().encodeToString(bytes),
                    mimeType.isEmpty() ? "application/octet-stream" : mimeType));
        }
        if (r instanceof List<?> list) {
            return list.stream().map(ResourceContents.class::cast).toList();
        }
        throw new IllegalStateException("Unsupported resource result: " + (r == null ? "null" : r.getClass()));
    }

    @SuppressWarnings("unchecked")
    List<String> completion(Object r) {
        if (r == null) {
            return List.of();
        }
        if (r instanceof String s) {
            return List.of(s);
        }
        return (List<String>) r;
    }
}
