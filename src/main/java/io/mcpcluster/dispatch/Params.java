package io.mcpcluster.dispatch;

import io.mcpcluster.protocol.McpException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Reading request params with -32602 for whatever is missing or of the wrong type. */
final class Params {
    private Params() {
    }

    static String requireString(JsonObject params, String key) {
        JsonValue v = params.get(key);
        if (v == null || v.getValueType() != JsonValue.ValueType.STRING) {
            throw McpException.invalidParams("Missing or non-string parameter: " + key);
        }
        return params.getString(key);
    }

    /** An optional object: absent or null gives an empty object. */
    static JsonObject optionalObject(JsonObject params, String key) {
        JsonValue v = params.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw McpException.invalidParams("Parameter " + key + " must be an object");
        }
        return v.asJsonObject();
    }

    static JsonObject requireObject(JsonObject params, String key) {
        JsonValue v = params.get(key);
        if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw McpException.invalidParams("Missing or non-object parameter: " + key);
        }
        return v.asJsonObject();
    }
}
