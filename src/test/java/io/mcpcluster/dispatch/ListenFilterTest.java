package io.mcpcluster.dispatch;

import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.Jsons;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.protocol.McpMethods;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListenFilterTest {

    private static ListenFilter filter(String notifications) {
        return ListenFilter.of(JsonRpc.parseObject("{\"notifications\":" + notifications + "}"));
    }

    private static JsonObject updated(String uri) {
        return JsonRpc.notification(McpMethods.NOTIFY_RESOURCE_UPDATED, Jsons.createObjectBuilder().add("uri", uri).build());
    }

    @Test
    void wantsOnlyTheTypesAskedForAndUpdatesOfTheListedUris() {
        ListenFilter f = filter("{\"toolsListChanged\":true,\"promptsListChanged\":false,"
                + "\"resourceSubscriptions\":[\"test://a\"]}");
        assertTrue(f.wants(JsonRpc.notification(McpMethods.NOTIFY_TOOLS_LIST_CHANGED, null)));
        assertFalse(f.wants(JsonRpc.notification(McpMethods.NOTIFY_PROMPTS_LIST_CHANGED, null)));
        assertFalse(f.wants(JsonRpc.notification(McpMethods.NOTIFY_RESOURCES_LIST_CHANGED, null)));
        assertTrue(f.wants(updated("test://a")));
        assertFalse(f.wants(updated("test://b")));
        assertFalse(f.wants(JsonRpc.notification(McpMethods.NOTIFY_MESSAGE, null)), "request-scoped: never");
    }

    @Test
    void acknowledgesOnlyTheTypesAgreedToOmittingTheOthers() {
        assertEquals(JsonRpc.parseObject("{\"resourcesListChanged\":true,\"resourceSubscriptions\":[\"x\"]}"),
                filter("{\"toolsListChanged\":false,\"resourcesListChanged\":true,\"resourceSubscriptions\":[\"x\"]}")
                        .toJson());
        assertEquals(JsonRpc.parseObject("{}"), filter("{}").toJson(), "an empty filter is valid: a quiet stream");
    }

    @Test
    void aMissingOrMalformedFilterIsInvalidParams() {
        for (String params : new String[]{"{}", "{\"notifications\":true}", "{\"notifications\":{\"toolsListChanged\":1}}",
                "{\"notifications\":{\"resourceSubscriptions\":\"test://a\"}}",
                "{\"notifications\":{\"resourceSubscriptions\":[1]}}"}) {
            McpException e = assertThrows(McpException.class, () -> ListenFilter.of(JsonRpc.parseObject(params)), params);
            assertEquals(-32602, e.code(), params);
        }
    }

    @Test
    void tagKeepsParamsAndTheirMetaAndAddsTheSubscriptionId() {
        JsonObject n = JsonRpc.parseObject("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/resources/updated\","
                + "\"params\":{\"uri\":\"test://a\",\"_meta\":{\"k\":1}}}");
        JsonObject tagged = Subscriptions.tag(n, Jsons.createValue("s-1"));
        assertEquals("test://a", tagged.getJsonObject("params").getString("uri"));
        assertEquals(1, tagged.getJsonObject("params").getJsonObject("_meta").getInt("k"));
        assertEquals("s-1", tagged.getJsonObject("params").getJsonObject("_meta")
                .getString("io.modelcontextprotocol/subscriptionId"));
        JsonObject bare = Subscriptions.tag(JsonRpc.notification(McpMethods.NOTIFY_TOOLS_LIST_CHANGED, null),
                Jsons.createValue(7));
        assertEquals(7, bare.getJsonObject("params").getJsonObject("_meta").getInt("io.modelcontextprotocol/subscriptionId"));
    }
}
