package io.mcpcluster.dispatch;

import io.mcpcluster.protocol.Jsons;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.protocol.McpMethods;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code notifications} filter of a 2026-07-28 {@code subscriptions/listen} request: which change
 * notifications its stream carries. Every type is opt-in; an absent field means "not wanted". This
 * server honours every type (its discover result declares {@code listChanged} and {@code subscribe}),
 * so the acknowledged filter is the requested one.
 */
record ListenFilter(boolean tools, boolean prompts, boolean resources, Set<String> resourceUris) {

    /** Reads {@code params.notifications}; missing or of the wrong shape is -32602. */
    static ListenFilter of(JsonObject params) {
        JsonValue value = params == null ? null : params.get("notifications");
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw McpException.invalidParams("Invalid params: subscriptions/listen needs a notifications object");
        }
        JsonObject n = value.asJsonObject();
        Set<String> uris = new LinkedHashSet<>();
        JsonValue listed = n.get("resourceSubscriptions");
        if (listed != null && listed.getValueType() != JsonValue.ValueType.NULL) {
            if (listed.getValueType() != JsonValue.ValueType.ARRAY) {
                throw McpException.invalidParams("Invalid params: notifications.resourceSubscriptions must be an array");
            }
            for (JsonValue uri : listed.asJsonArray()) {
                if (uri.getValueType() != JsonValue.ValueType.STRING) {
                    throw McpException.invalidParams("Invalid params: resourceSubscriptions holds URIs (strings)");
                }
                uris.add(((JsonString) uri).getString());
            }
        }
        return new ListenFilter(flag(n, "toolsListChanged"), flag(n, "promptsListChanged"),
                flag(n, "resourcesListChanged"), Set.copyOf(uris));
    }

    private static boolean flag(JsonObject n, String name) {
        JsonValue v = n.get(name);
        if (v != null && v.getValueType() != JsonValue.ValueType.TRUE && v.getValueType() != JsonValue.ValueType.FALSE
                && v.getValueType() != JsonValue.ValueType.NULL) {
            throw McpException.invalidParams("Invalid params: notifications." + name + " must be a boolean");
        }
        return v == JsonValue.TRUE;
    }

    /** Whether the stream asked for {@code notification} (a list change, or an update of one of its URIs). */
    boolean wants(JsonObject notification) {
        String method = notification.getString("method", "");
        return switch (method) {
            case McpMethods.NOTIFY_TOOLS_LIST_CHANGED -> tools;
            case McpMethods.NOTIFY_PROMPTS_LIST_CHANGED -> prompts;
            case McpMethods.NOTIFY_RESOURCES_LIST_CHANGED -> resources;
            case McpMethods.NOTIFY_RESOURCE_UPDATED -> {
                JsonObject params = notification.getJsonObject("params");
                yield params != null && resourceUris.contains(params.getString("uri", ""));
            }
            default -> false;
        };
    }

    /** The filter as the acknowledgement states it: only the types agreed to, absent ones omitted. */
    JsonObject toJson() {
        JsonObjectBuilder b = Jsons.createObjectBuilder();
        if (tools) {
            b.add("toolsListChanged", true);
        }
        if (prompts) {
            b.add("promptsListChanged", true);
        }
        if (resources) {
            b.add("resourcesListChanged", true);
        }
        if (!resourceUris.isEmpty()) {
            JsonArrayBuilder uris = Jsons.createArrayBuilder();
            resourceUris.forEach(uris::add);
            b.add("resourceSubscriptions", uris);
        }
        return b.build();
    }
}
