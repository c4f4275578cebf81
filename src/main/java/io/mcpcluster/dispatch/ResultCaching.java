package io.mcpcluster.dispatch;

import io.mcpcluster.api.CacheHint;
import io.mcpcluster.api.McpFeatures.Caching;
import io.mcpcluster.api.McpFeatures.Kind;
import io.mcpcluster.protocol.McpMethods;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The {@code ttlMs} and {@code cacheScope} of a 2026-07-28 result, from the caching hints of the features
 * it carries (a list: its entries; a read: the resource or template each content came from), each
 * feature without a hint counting as {@code fallback}. Combined, the shortest time wins and the result
 * is public only when every part is.
 */
final class ResultCaching {
    private final FeatureRegistry features;
    private final Caching fallback;

    ResultCaching(FeatureRegistry features, Caching fallback) {
        this.features = features;
        this.fallback = fallback;
    }

    Caching of(String method, JsonObject result) {
        return switch (method) {
            case McpMethods.TOOLS_LIST -> combined(result, "tools", "name", Kind.TOOL);
            case McpMethods.PROMPTS_LIST -> combined(result, "prompts", "name", Kind.PROMPT);
            case McpMethods.RESOURCES_LIST -> combined(result, "resources", "uri", Kind.RESOURCE);
            case McpMethods.RESOURCES_TEMPLATES_LIST -> combined(result, "resourceTemplates", "uriTemplate",
                    Kind.RESOURCE_TEMPLATE);
            case McpMethods.RESOURCES_READ -> combined(result, "contents", "uri", null);
            default -> fallback;
        };
    }

    /** {@code kind} null: each entry's URI is a resource's or matches a template's. */
    private Caching combined(JsonObject result, String array, String key, Kind kind) {
        JsonValue entries = result.get(array);
        if (entries == null || entries.getValueType() != JsonValue.ValueType.ARRAY || entries.asJsonArray().isEmpty()) {
            return fallback;
        }
        long ttl = Long.MAX_VALUE;
        boolean allPublic = true;
        for (JsonValue entry : entries.asJsonArray()) {
            String id = entry.getValueType() == JsonValue.ValueType.OBJECT ? entry.asJsonObject().getString(key, "") : "";
            Caching c = kind == null ? readHint(id) : features.caching(kind, id);
            c = c == null ? fallback : c;
            ttl = Math.min(ttl, c.ttlMs());
            allPublic &= c.scope() == CacheHint.Scope.PUBLIC;
        }
        return new Caching(ttl, allPublic ? CacheHint.Scope.PUBLIC : CacheHint.Scope.PRIVATE);
    }

    private Caching readHint(String uri) {
        if (features.resource(uri) != null) {
            return features.caching(Kind.RESOURCE, uri);
        }
        for (FeatureRegistry.TemplateEntry t : features.templates()) {
            if (t.template().match(uri) != null) {
                return features.caching(Kind.RESOURCE_TEMPLATE, t.template().template());
            }
        }
        return null;
    }
}
