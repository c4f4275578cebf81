package io.mcpcluster.dispatch;

import io.mcpcluster.api.McpFeatures;
import io.mcpcluster.protocol.ContentJson;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.protocol.McpMethods;
import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * This node's tools, resources, templates, prompts and completers, from annotations and from
 * {@link McpFeatures} calls alike. Lists keep registration order; each entry keeps its wire JSON so
 * listing costs no conversion. Thread safe: writes are synchronized, reads take a snapshot.
 */
public final class FeatureRegistry implements McpFeatures {

    /** {@code timeoutMillis}: the tool's own timeout, 0 for the server's default, negative for none. */
    public record ToolEntry(ToolDefinition definition, JsonObject json, ToolHandler handler, long timeoutMillis) {
    }

    public record ResourceEntry(ResourceDefinition definition, JsonObject json, ResourceHandler handler) {
    }

    public record TemplateEntry(UriTemplate template, JsonObject json, ResourceTemplateHandler handler) {
    }

    public record PromptEntry(PromptDefinition definition, JsonObject json, PromptHandler handler) {
    }

    private final Map<String, ToolEntry> tools = new LinkedHashMap<>();
    private final Map<String, ResourceEntry> resources = new LinkedHashMap<>();
    private final Map<String, TemplateEntry> templates = new LinkedHashMap<>();
    private final Map<String, PromptEntry> prompts = new LinkedHashMap<>();
    private final Map<String, Completer> completers = new LinkedHashMap<>();
    private final Map<String, Caching> caching = new LinkedHashMap<>();
    private volatile Consumer<String> listChanged = method -> { };
    private final FeatureScopes scopes = new FeatureScopes(this);

    /** The scopes each feature needs (none unless declared). */
    public FeatureScopes scopes() {
        return scopes;
    }

    /** Where list_changed notifications go (the server broadcasts them to every session). */
    public void onListChanged(Consumer<String> notifier) {
        this.listChanged = Objects.requireNonNull(notifier);
    }

    private volatile Consumer<String> resourceUpdated = uri -> { };

    public void onResourceUpdated(Consumer<String> notifier) {
        this.resourceUpdated = Objects.requireNonNull(notifier);
    }

    @Override
    public synchronized void setCaching(Kind kind, String key, Caching hint) {
        if (hint == null) {
            caching.remove(kind + "\u0000" + key);
        } else {
            caching.put(kind + "\u0000" + key, hint);
        }
    }

    /** The hint set for feature {@code key} of {@code kind}, or null. */
    public synchronized Caching caching(Kind kind, String key) {
        return caching.get(kind + "\u0000" + key);
    }

    @Override
    public void addTool(ToolDefinition d, ToolHandler handler) {
        addTool(d, handler, 0);
    }

    /** As {@link #addTool(ToolDefinition, ToolHandler)}, with the tool's own timeout ({@code @Tool(timeoutMillis)}). */
    public void addTool(ToolDefinition d, ToolHandler handler, long timeoutMillis) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("name", d.name());
        ContentJson.optional(b, "title", d.title());
        ContentJson.optional(b, "description", d.description());
        b.add("inputSchema", d.inputSchema());
        synchronized (this) {
            tools.put(d.name(), new ToolEntry(d, b.build(), handler, timeoutMillis));
        }
        listChanged.accept(McpMethods.NOTIFY_TOOLS_LIST_CHANGED);
    }

    @Override
    public boolean removeTool(String name) {
        boolean removed;
        synchronized (this) {
            removed = tools.remove(name) != null;
        }
        if (removed) {
            listChanged.accept(McpMethods.NOTIFY_TOOLS_LIST_CHANGED);
        }
        return removed;
    }

    @Override
    public void addResource(ResourceDefinition d, ResourceHandler handler) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("uri", d.uri()).add("name", d.name());
        ContentJson.optional(b, "description", d.description());
        ContentJson.optional(b, "mimeType", d.mimeType());
        synchronized (this) {
            resources.put(d.uri(), new ResourceEntry(d, b.build(), handler));
        }
        listChanged.accept(McpMethods.NOTIFY_RESOURCES_LIST_CHANGED);
    }

    @Override
    public boolean removeResource(String uri) {
        boolean removed;
        synchronized (this) {
            removed = resources.remove(uri) != null;
        }
        if (removed) {
            listChanged.accept(McpMethods.NOTIFY_RESOURCES_LIST_CHANGED);
        }
        return removed;
    }

    @Override
    public void addResourceTemplate(ResourceTemplateDefinition d, ResourceTemplateHandler handler) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("uriTemplate", d.uriTemplate()).add("name", d.name());
        ContentJson.optional(b, "description", d.description());
        ContentJson.optional(b, "mimeType", d.mimeType());
        synchronized (this) {
            templates.put(d.uriTemplate(), new TemplateEntry(new UriTemplate(d.uriTemplate()), b.build(), handler));
        }
        listChanged.accept(McpMethods.NOTIFY_RESOURCES_LIST_CHANGED);
    }

    @Override
    public void addPrompt(PromptDefinition d, PromptHandler handler) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("name", d.name());
        ContentJson.optional(b, "title", d.title());
        ContentJson.optional(b, "description", d.description());
        if (!d.arguments().isEmpty()) {
            JsonArrayBuilder args = Jsons.createArrayBuilder();
            for (PromptArgument a : d.arguments()) {
                JsonObjectBuilder ab = Jsons.createObjectBuilder().add("name", a.name());
                ContentJson.optional(ab, "description", a.description());
                args.add(ab.add("required", a.required()));
            }
            b.add("arguments", args);
        }
        synchronized (this) {
            prompts.put(d.name(), new PromptEntry(d, b.build(), handler));
        }
        listChanged.accept(McpMethods.NOTIFY_PROMPTS_LIST_CHANGED);
    }

    @Override
    public boolean removePrompt(String name) {
        boolean removed;
        synchronized (this) {
            removed = prompts.remove(name) != null;
        }
        if (removed) {
            listChanged.accept(McpMethods.NOTIFY_PROMPTS_LIST_CHANGED);
        }
        return removed;
    }

    @Override
    public synchronized void addPromptCompleter(String prompt, String argument, Completer completer) {
        completers.put("prompt\u0000" + prompt + "\u0000" + argument, completer);
    }

    @Override
    public synchronized void addResourceTemplateCompleter(String uriTemplate, String variable, Completer completer) {
        completers.put("template\u0000" + uriTemplate + "\u0000" + variable, completer);
    }

    @Override
    public void resourceUpdated(String uri) {
        resourceUpdated.accept(uri);
    }

    public synchronized List<ToolEntry> tools() {
        return List.copyOf(tools.values());
    }

    public synchronized ToolEntry tool(String name) {
        return tools.get(name);
    }

    public synchronized List<ResourceEntry> resources() {
        return List.copyOf(resources.values());
    }

    public synchronized ResourceEntry resource(String uri) {
        return resources.get(uri);
    }

    public synchronized List<TemplateEntry> templates() {
        return List.copyOf(templates.values());
    }

    public synchronized List<PromptEntry> prompts() {
        return List.copyOf(prompts.values());
    }

    public synchronized PromptEntry prompt(String name) {
        return prompts.get(name);
    }

    public synchronized Completer promptCompleter(String prompt, String argument) {
        return completers.get("prompt\u0000" + prompt + "\u0000" + argument);
    }

    public synchronized Completer templateCompleter(String uriTemplate, String variable) {
        return completers.get("template\u0000" + uriTemplate + "\u0000" + variable);
    }

    /** Fails with -32602 for a missing prompt: completion of an unknown prompt is a client error. */
    public PromptEntry requirePrompt(String name) {
        PromptEntry p = prompt(name);
        if (p == null) {
            throw McpException.invalidParams("Unknown prompt: " + name);
        }
        return p;
    }
}
