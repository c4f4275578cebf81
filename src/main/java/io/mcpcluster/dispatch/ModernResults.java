package io.mcpcluster.dispatch;

import io.mcpcluster.api.McpFeatures;
import io.mcpcluster.protocol.McpMethods;
import io.mcpcluster.protocol.ModernMeta;
import io.mcpcluster.protocol.ProtocolVersions;
import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The shape of 2026-07-28 results: {@code resultType}, caching hints, and the discover result. */
final class ModernResults {
    /** The stateless revisions first, then those a client reaches through initialize on the same endpoint. */
    static final List<String> SUPPORTED_VERSIONS;
    static {
        List<String> all = new ArrayList<>(ProtocolVersions.MODERN);
        all.addAll(ProtocolVersions.SUPPORTED);
        SUPPORTED_VERSIONS = List.copyOf(all);
    }
    /** Results a client may cache (SEP-2549), with the hints of {@link ResultCaching}. */
    private static final Set<String> CACHEABLE = Set.of(McpMethods.SERVER_DISCOVER, McpMethods.TOOLS_LIST,
            McpMethods.PROMPTS_LIST, McpMethods.RESOURCES_LIST, McpMethods.RESOURCES_TEMPLATES_LIST,
            McpMethods.RESOURCES_READ);
    /** What is served statelessly; listChanged and subscribe are delivered on subscriptions/listen streams. */
    private static final JsonObject CAPABILITIES = Jsons.createObjectBuilder()
            .add("tools", Jsons.createObjectBuilder().add("listChanged", true))
            .add("resources", Jsons.createObjectBuilder().add("subscribe", true).add("listChanged", true))
            .add("prompts", Jsons.createObjectBuilder().add("listChanged", true))
            .add("completions", JsonValue.EMPTY_JSON_OBJECT)
            .add("logging", JsonValue.EMPTY_JSON_OBJECT)
            .build();

    private final JsonObject discover;
    private final ResultCaching caching;

    ModernResults(String serverName, String serverVersion, ResultCaching caching) {
        this.caching = caching;
        JsonArrayBuilder versions = Jsons.createArrayBuilder();
        SUPPORTED_VERSIONS.forEach(versions::add);
        JsonObject serverInfo = Jsons.createObjectBuilder().add("name", serverName).add("version", serverVersion)
                .build();
        discover = complete(McpMethods.SERVER_DISCOVER, Jsons.createObjectBuilder()
                .add("supportedVersions", versions)
                .add("capabilities", CAPABILITIES)
                .add("_meta", Jsons.createObjectBuilder().add(ModernMeta.SERVER_INFO, serverInfo))
                .build());
    }

    JsonObject discover() {
        return discover;
    }

    /** A tool result that reports {@code message} with {@code isError: true}. */
    JsonObject toolError(String message) {
        return Jsons.createObjectBuilder()
                .add("content", Jsons.createArrayBuilder().add(Jsons.createObjectBuilder().add("type", "text")
                        .add("text", message)))
                .add("isError", true).build();
    }

    /** {@code result} with {@code resultType: complete} and, where it may be cached, the caching hints. */
    JsonObject complete(String method, JsonObject result) {
        JsonObjectBuilder b = Jsons.createObjectBuilder(result);
        if (!result.containsKey("resultType")) {
            b.add("resultType", "complete");
        }
        if (CACHEABLE.contains(method) && !(result.containsKey("ttlMs") && result.containsKey("cacheScope"))) {
            McpFeatures.Caching hint = caching.of(method, result);
            if (!result.containsKey("ttlMs")) {
                b.add("ttlMs", hint.ttlMs());
            }
            if (!result.containsKey("cacheScope")) {
                b.add("cacheScope", hint.scope().wire());
            }
        }
        return b.build();
    }
}
