package io.mcpcluster.api;

import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The programmatic registry: the same tools, resources and prompts the annotations declare, added at
 * run time. Inject it ({@code @Inject McpFeatures}). Registrations are per node: make the same ones on
 * every node (for example in an {@code @Observes Startup} method). Every change sends the matching
 * {@code list_changed} notification to every session on every node.
 */
public interface McpFeatures {

    /** {@code inputSchema} is used as given (any JSON Schema 2020-12 object schema). */
    record ToolDefinition(String name, String title, String description, JsonObject inputSchema) {
    }

    @FunctionalInterface
    interface ToolHandler {
        CompletionStage<ToolResponse> call(JsonObject arguments, McpContext context);
    }

    record ResourceDefinition(String uri, String name, String description, String mimeType) {
    }

    @FunctionalInterface
    interface ResourceHandler {
        CompletionStage<List<ResourceContents>> read(String uri, McpContext context);
    }

    record ResourceTemplateDefinition(String uriTemplate, String name, String description, String mimeType) {
    }

    @FunctionalInterface
    interface ResourceTemplateHandler {
        /** {@code variables} holds the template's variables as matched in {@code uri}. */
        CompletionStage<List<ResourceContents>> read(String uri, Map<String, String> variables, McpContext context);
    }

    /** Completes one argument: the values that start with or match {@code value}. */
    @FunctionalInterface
    interface Completer {
        CompletionStage<List<String>> complete(String value, McpContext context);
    }

    record PromptArgument(String name, String description, boolean required) {
    }

    record PromptDefinition(String name, String title, String description, List<PromptArgument> arguments) {
    }

    @FunctionalInterface
    interface PromptHandler {
        CompletionStage<PromptResponse> get(Map<String, String> arguments, McpContext context);
    }

    /** The kinds of feature a {@link Caching} hint applies to. */
    enum Kind { TOOL, PROMPT, RESOURCE, RESOURCE_TEMPLATE }

    /** {@link CacheHint} as a value: how long 2026-07-28 clients may keep results that carry a feature. */
    record Caching(long ttlMs, CacheHint.Scope scope) {
    }

    /**
     * Sets the caching hint of feature {@code key} (a tool or prompt name, a resource URI, a URI template)
     * of {@code kind}, as {@link CacheHint} does for annotated ones; null removes it.
     */
    void setCaching(Kind kind, String key, Caching caching);

    void addTool(ToolDefinition definition, ToolHandler handler);

    boolean removeTool(String name);

    void addResource(ResourceDefinition definition, ResourceHandler handler);

    boolean removeResource(String uri);

    void addResourceTemplate(ResourceTemplateDefinition definition, ResourceTemplateHandler handler);

    /** Completion for argument {@code argument} of prompt {@code prompt}. */
    void addPromptCompleter(String prompt, String argument, Completer completer);

    /** Completion for variable {@code variable} of the resource template {@code uriTemplate}. */
    void addResourceTemplateCompleter(String uriTemplate, String variable, Completer completer);

    void addPrompt(PromptDefinition definition, PromptHandler handler);

    boolean removePrompt(String name);

    /** Sends {@code notifications/resources/updated} to every session subscribed to {@code uri}, cluster-wide. */
    void resourceUpdated(String uri);
}
