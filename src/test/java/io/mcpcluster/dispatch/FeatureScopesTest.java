package io.mcpcluster.dispatch;

import io.mcpcluster.api.McpFeatures;
import io.mcpcluster.protocol.JsonRpcMessage;
import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeatureScopesTest {
    private final FeatureRegistry registry = new FeatureRegistry();
    private final FeatureScopes scopes = registry.scopes();

    FeatureScopesTest() {
        registry.addTool(new McpFeatures.ToolDefinition("write", null, null, JsonObject.EMPTY_JSON_OBJECT),
                (a, c) -> null);
        registry.addResource(new McpFeatures.ResourceDefinition("notes://fixed", "fixed", null, null), (u, c) -> null);
        registry.addResourceTemplate(new McpFeatures.ResourceTemplateDefinition("notes://{topic}", "note", null, null),
                (u, v, c) -> null);
        scopes.requireForTool("write", Set.of("notes:write"));
        scopes.requireForTemplate("notes://{topic}", Set.of("notes:read"));
        scopes.requireForPrompt("secret", Set.of("prompts:secret"));
    }

    @Test
    void aCallNeedsTheScopesOfTheFeatureItNames() {
        assertEquals(Set.of("notes:write"), scopes.neededBy(List.of(request("tools/call", "name", "write"))));
        assertEquals(Set.of("prompts:secret"), scopes.neededBy(List.of(request("prompts/get", "name", "secret"))));
        assertEquals(Set.of("notes:read"), scopes.neededBy(List.of(request("resources/read", "uri", "notes://x"))));
    }

    @Test
    void aFixedResourceIsNotCoveredByATemplateThatAlsoMatchesIt() {
        assertEquals(Set.of(), scopes.neededBy(List.of(request("resources/read", "uri", "notes://fixed"))));
    }

    @Test
    void aBatchNeedsTheUnionAndOtherMethodsOrUnknownFeaturesNeedNone() {
        assertEquals(Set.of("notes:write", "prompts:secret"), scopes.neededBy(List.of(
                request("tools/call", "name", "write"), request("prompts/get", "name", "secret"))));
        assertEquals(Set.of(), scopes.neededBy(List.of(request("tools/list", "cursor", "x"),
                request("tools/call", "name", "unknown"))));
        assertEquals(Set.of("notes:read", "notes:write", "prompts:secret"), scopes.all());
    }

    private static JsonRpcMessage request(String method, String key, String value) {
        JsonObject raw = Jsons.createObjectBuilder().add("jsonrpc", "2.0").add("id", 1).add("method", method)
                .add("params", Jsons.createObjectBuilder().add(key, value)).build();
        return JsonRpcMessage.of(raw);
    }
}
