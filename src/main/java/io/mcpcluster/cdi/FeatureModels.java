package io.mcpcluster.cdi;

import io.mcpcluster.api.Prompt;
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

/** Names, parameters and input schemas of annotated methods, with quarkus-mcp-server's defaults. */
final class FeatureModels {
    /** The input-schema keyword of 2026-07-28 that mirrors an argument into an {@code Mcp-Param-} header. */
    static final String X_MCP_HEADER = "x-mcp-header";

    private FeatureModels() {
    }

    static List<ParamSpec> params(Method m) {
        List<ParamSpec> specs = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            specs.add(ParamSpec.of(p));
        }
        return specs;
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
