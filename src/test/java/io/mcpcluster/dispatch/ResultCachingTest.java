package io.mcpcluster.dispatch;

import io.mcpcluster.api.CacheHint.Scope;
import io.mcpcluster.api.McpFeatures;
import io.mcpcluster.api.McpFeatures.Caching;
import io.mcpcluster.api.McpFeatures.Kind;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.McpMethods;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResultCachingTest {
    private static final Caching FALLBACK = new Caching(1_000, Scope.PRIVATE);

    private static FeatureRegistry registry() {
        FeatureRegistry r = new FeatureRegistry();
        r.addResource(new McpFeatures.ResourceDefinition("x://a", "a", null, null),
                (uri, ctx) -> CompletableFuture.completedFuture(List.of()));
        r.addResourceTemplate(new McpFeatures.ResourceTemplateDefinition("x://items/{id}", "item", null, null),
                (uri, vars, ctx) -> CompletableFuture.completedFuture(List.of()));
        r.setCaching(Kind.RESOURCE, "x://a", new Caching(60_000, Scope.PUBLIC));
        r.setCaching(Kind.RESOURCE_TEMPLATE, "x://items/{id}", new Caching(30_000, Scope.PUBLIC));
        r.setCaching(Kind.TOOL, "t1", new Caching(20_000, Scope.PUBLIC));
        r.setCaching(Kind.TOOL, "t2", new Caching(10_000, Scope.PUBLIC));
        return r;
    }

    private static Caching of(String method, String result) {
        return new ResultCaching(registry(), FALLBACK).of(method, JsonRpc.parseObject(result));
    }

    @Test
    void aListOfHintedEntriesTakesTheShortestTimeAndStaysPublic() {
        assertEquals(new Caching(10_000, Scope.PUBLIC),
                of(McpMethods.TOOLS_LIST, "{\"tools\":[{\"name\":\"t1\"},{\"name\":\"t2\"}]}"));
    }

    @Test
    void oneEntryWithoutAHintMakesTheListPrivateWithTheDefaultTime() {
        assertEquals(new Caching(1_000, Scope.PRIVATE),
                of(McpMethods.TOOLS_LIST, "{\"tools\":[{\"name\":\"t1\"},{\"name\":\"plain\"}]}"));
    }

    @Test
    void anEmptyListOrAnotherMethodTakesTheDefault() {
        assertEquals(FALLBACK, of(McpMethods.TOOLS_LIST, "{\"tools\":[]}"));
        assertEquals(FALLBACK, of(McpMethods.SERVER_DISCOVER, "{}"));
    }

    @Test
    void aReadTakesTheHintOfItsResourceOrOfTheTemplateItsUriMatches() {
        assertEquals(new Caching(60_000, Scope.PUBLIC), of(McpMethods.RESOURCES_READ, "{\"contents\":[{\"uri\":\"x://a\"}]}"));
        assertEquals(new Caching(30_000, Scope.PUBLIC),
                of(McpMethods.RESOURCES_READ, "{\"contents\":[{\"uri\":\"x://items/7\"}]}"));
        assertEquals(FALLBACK, of(McpMethods.RESOURCES_READ, "{\"contents\":[{\"uri\":\"x://other\"}]}"));
    }
}
