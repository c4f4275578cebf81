package io.mcpcluster.cdi;

import io.mcpcluster.api.CacheHint;
import io.mcpcluster.api.McpFeatures;
import io.mcpcluster.api.Prompt;
import io.mcpcluster.api.Resource;
import io.mcpcluster.api.RequiresScopes;
import io.mcpcluster.api.ResourceTemplate;
import io.mcpcluster.api.Tool;
import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Names, parameters and input schemas of annotated methods, with quarkus-mcp-server's defaults. */
final class FeatureModels {
    /** The input-schema keyword of 2026-07-28 that mirrors an argument into an {@code Mcp-Param-} header. */
    static final String X_MCP_HEADER = "x-mcp-header";

    private FeatureModels() {
    }

    /** The {@link CacheHint} of a feature (its method's, else its class's) with the key it is registered by. */
    record FeatureCaching(McpFeatures.Kind kind, String key, McpFeatures.Caching caching) {
    }

    static Optional<FeatureCaching> caching(FeatureMethod fm) {
        CacheHint hint = fm.method().getAnnotation(CacheHint.class);
        if (hint == null) {
            hint = fm.method().getDeclaringClass().getAnnotation(CacheHint.class);
        }
        if (hint == null) {
            return Optional.empty();
        }
        McpFeatures.Caching caching = new McpFeatures.Caching(hint.ttlMs(), hint.scope());
        return Optional.ofNullable(switch (fm.kind()) {
            case TOOL -> new FeatureCaching(McpFeatures.Kind.TOOL, toolName(fm), caching);
            case PROMPT -> new FeatureCaching(McpFeatures.Kind.PROMPT, promptName(fm), caching);
            case RESOURCE -> new FeatureCaching(McpFeatures.Kind.RESOURCE, fm.annotation(Resource.class).uri(), caching);
            case RESOURCE_TEMPLATE -> new FeatureCaching(McpFeatures.Kind.RESOURCE_TEMPLATE,
                    fm.annotation(ResourceTemplate.class).uriTemplate(), caching);
            default -> null;
        });
    }

    static List<ParamSpec> params(Method m) {
        List<ParamSpec> specs = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            specs.add(ParamSpec.of(p));
        }
        return specs;
    }

    /** The scopes of {@code @RequiresScopes} on the method and on its class. */
    static Set<String> scopes(FeatureMethod fm) {
        Set<String> scopes = new TreeSet<>();
        for (RequiresScopes r : new RequiresScopes[] {
                fm.method().getDeclaringClass().getAnnotation(RequiresScopes.class), fm.annotation(RequiresScopes.class)}) {
            if (r != null) {
                scopes.addAll(List.of(r.value()));
            }
        }
        return scopes;
    }

    static String toolName(FeatureMethod fm) {
        Tool t = fm.annotation(Tool.class);
        return t.name().isEmpty() ? fm.method().getName() : t.name();
    }

    static String promptName(FeatureMethod fm) {
        Prompt p = fm.annotation(Prompt.class);
        return p.name().isEmpty() ? fm.method().getName() : p.name();
    }

    static String templateName(FeatureMethod fm) {
        ResourceTemplate t = fm.annotation(ResourceTemplate.class);
        return t.name().isEmpty() ? fm.method().getName() : t.name();
    }

    /**
     * The tool's input schema: one property per client argument, built from the parameter's generic
     * type, then its description, default and {@code x-mcp-header}; {@code required} lists the required ones.
     */
    static JsonObject inputSchema(List<ParamSpec> params) {
        JsonObjectBuilder props = Jsons.createObjectBuilder();
        JsonArrayBuilder required = Jsons.createArrayBuilder();
        boolean anyRequired = false;
        for (ParamSpec p : params) {
            if (p.isContext()) {
                continue;
            }
            JsonObjectBuilder prop = Jsons.createObjectBuilder(JsonSchemaGenerator.schemaFor(p.type()));
            if (p.description() != null && !p.description().isEmpty()) {
                prop.add("description", p.description());
            }
            if (p.defaultValue() != null) {
                prop.add("default", defaultJson(p));
            }
            if (p.header() != null) {
                prop.add(X_MCP_HEADER, p.header());
            }
            props.add(p.name(), prop);
            if (p.required()) {
                required.add(p.name());
                anyRequired = true;
            }
        }
        JsonObjectBuilder schema = Jsons.createObjectBuilder().add("type", "object").add("properties", props);
        if (anyRequired) {
            schema.add("required", required);
        }
        return schema.build();
    }

    private static JsonValue defaultJson(ParamSpec p) {
        String type = JsonSchemaGenerator.schemaFor(p.type()).getString("type", "");
        if ("string".equals(type)) {
            return Jsons.createValue(p.defaultValue());
        }
        try {
            return io.mcpcluster.protocol.JsonRpc.parse(p.defaultValue());
        } catch (RuntimeException e) {
            return Jsons.createValue(p.defaultValue());
        }
    }
}
