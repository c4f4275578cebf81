package io.mcpcluster.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One incoming JSON-RPC message, classified. Validation follows JSON-RPC 2.0: a request has a
 * string or number id and a method; a notification has a method and no id; a response has an id and
 * exactly one of result or error.
 */
public record JsonRpcMessage(Kind kind, JsonValue id, String method, JsonObject params, JsonObject raw) {

    public enum Kind { REQUEST, NOTIFICATION, RESPONSE }

    public boolean isRequest() {
        return kind == Kind.REQUEST;
    }

    /** Classifies {@code value}; anything that is not a valid message raises ErrorCodes.INVALID_REQUEST. */
    public static JsonRpcMessage of(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw McpException.invalidRequest("Invalid Request: a JSON-RPC message must be an object");
        }
        JsonObject o = value.asJsonObject();
        if (!"2.0".equals(stringOrNull(o, "jsonrpc"))) {
            throw McpException.invalidRequest("Invalid Request: jsonrpc must be \"2.0\"");
        }
        JsonValue id = o.get("id");
        if (id != null && id.getValueType() != JsonValue.ValueType.STRING
                && id.getValueType() != JsonValue.ValueType.NUMBER) {
            throw McpException.invalidRequest("Invalid Request: id must be a string or a number");
        }
        JsonValue method = o.get("method");
        if (method != null) {
            if (method.getValueType() != JsonValue.ValueType.STRING) {
                throw McpException.invalidRequest("Invalid Request: method must be a string");
            }
            JsonValue params = o.get("params");
            JsonObject p = null;
            if (params != null && params.getValueType() == JsonValue.ValueType.OBJECT) {
                p = params.asJsonObject();
            } else if (params != null && params.getValueType() != JsonValue.ValueType.NULL) {
                throw McpException.invalidRequest("Invalid Request: params must be an object");
            }
            String m = o.getString("method");
            return new JsonRpcMessage(id == null ? Kind.NOTIFICATION : Kind.REQUEST, id, m, p, o);
        }
        if (id != null && (o.containsKey("result") ^ o.containsKey("error"))) {
            return new JsonRpcMessage(Kind.RESPONSE, id, null, null, o);
        }
        throw McpException.invalidRequest("Invalid Request: neither a request, a notification nor a response");
    }

    private static String stringOrNull(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? o.getString(key) : null;
    }

    /** The params' {@code _meta.progressToken}, kept as sent (string or number), or null. */
    public JsonValue progressToken() {
        if (params == null) {
            return null;
        }
        JsonValue meta = params.get("_meta");
        if (meta == null || meta.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        JsonValue token = meta.asJsonObject().get("progressToken");
        if (token == null || (token.getValueType() != JsonValue.ValueType.STRING
                && token.getValueType() != JsonValue.ValueType.NUMBER)) {
            return null;
        }
        return token;
    }
}
