package io.mcpcluster.dispatch;

import io.mcpcluster.protocol.JsonRpcMessage;
import io.mcpcluster.protocol.McpMethods;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scopes each feature needs ({@link io.mcpcluster.api.RequiresScopes}), keyed by what names the
 * feature on the wire: a tool or prompt name, a resource URI, a URI template. A feature not listed needs
 * none. Thread safe.
 */
public final class FeatureScopes {
    private final Map<String, Set<String>> byFeature = new ConcurrentHashMap<>();
    private final FeatureRegistry registry;

    FeatureScopes(FeatureRegistry registry) {
        this.registry = registry;
    }

    public void requireForTool(String name, Set<String> scopes) {
        put("tool:" + name, scopes);
    }

    public void requireForPrompt(String name, Set<String> scopes) {
        put("prompt:" + name, scopes);
    }

    public void requireForResource(String uri, Set<String> scopes) {
        put("resource:" + uri, scopes);
    }

    public void requireForTemplate(String uriTemplate, Set<String> scopes) {
        put("template:" + uriTemplate, scopes);
    }

    Set<String> tool(String name) {
        return byFeature.getOrDefault("tool:" + name, Set.of());
    }

    Set<String> prompt(String name) {
        return byFeature.getOrDefault("prompt:" + name, Set.of());
    }

    Set<String> resource(String uri) {
        return byFeature.getOrDefault("resource:" + uri, Set.of());
    }

    Set<String> template(String uriTemplate) {
        return byFeature.getOrDefault("template:" + uriTemplate, Set.of());
    }

    /** Every scope some feature needs (what {@code scopes_supported} adds to the required ones). */
    public Set<String> all() {
        Set<String> all = new TreeSet<>();
        byFeature.values().forEach(all::addAll);
        return all;
    }

    /**
     * The scopes the requests among {@code messages} need for the features they name ({@code tools/call},
     * {@code prompts/get}, {@code resources/read}); empty when none. Unknown features need none here:
     * their call is answered "unknown" by dispatch.
     */
    public Set<String> neededBy(List<JsonRpcMessage> messages) {
        Set<String> needed = new TreeSet<>();
        for (JsonRpcMessage m : messages) {
            if (m.isRequest() && m.params() != null) {
                needed.addAll(neededBy(m.method(), m.params()));
            }
        }
        return needed;
    }

    private Set<String> neededBy(String method, JsonObject params) {
        String name = string(params, McpMethods.RESOURCES_READ.equals(method) ? "uri" : "name");
        if (name == null) {
            return Set.of();
        }
        return switch (method) {
            case McpMethods.TOOLS_CALL -> tool(name);
            case McpMethods.PROMPTS_GET -> prompt(name);
            case McpMethods.RESOURCES_READ -> resourceOrTemplate(name);
            default -> Set.of();
        };
    }

    /** A fixed resource's scopes, else those of the first template matching {@code uri}. */
    Set<String> resourceOrTemplate(String uri) {
        if (registry.resource(uri) != null) {
            return resource(uri);
        }
        return registry.templates().stream().filter(t -> t.template().match(uri) != null).findFirst()
                .map(t -> template(t.template().template())).orElse(Set.of());
    }

    private void put(String key, Set<String> scopes) {
        if (scopes.isEmpty()) {
            byFeature.remove(key);
        } else {
            byFeature.put(key, Set.copyOf(scopes));
        }
    }

    private static String string(JsonObject params, String key) {
        JsonValue v = params.get(key);
        return v instanceof JsonString s ? s.getString() : null;
    }
}
