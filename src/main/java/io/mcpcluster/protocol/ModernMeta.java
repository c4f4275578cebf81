package io.mcpcluster.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * What a 2026-07-28 request says about its client in {@code params._meta}: the protocol version and
 * client capabilities (required), the client info (optional) and the log level (no log messages
 * without it). There is no session: every request carries these.
 *
 * @param logLevel null when the request asked for no log messages
 */
public record ModernMeta(String protocolVersion, JsonObject clientInfo, JsonObject clientCapabilities,
                         LogLevel logLevel) {
    public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    public static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";

    /** Whether {@code params} carries the 2026 fields, so the request chose the stateless era. */
    public static boolean isPresent(JsonObject params) {
        JsonObject meta = metaOf(params);
        return meta != null && (meta.containsKey(PROTOCOL_VERSION) || meta.containsKey(CLIENT_CAPABILITIES));
    }

    /** Reads the fields; a missing or malformed one is -32602 (Invalid params). */
    public static ModernMeta of(JsonObject params) {
        JsonObject meta = metaOf(params);
        if (meta == null) {
            throw McpException.invalidParams("Invalid params: _meta with " + PROTOCOL_VERSION + " and "
                    + CLIENT_CAPABILITIES + " is required");
        }
        JsonValue version = meta.get(PROTOCOL_VERSION);
        if (version == null || version.getValueType() != JsonValue.ValueType.STRING) {
            throw McpException.invalidParams("Invalid params: _meta." + PROTOCOL_VERSION + " must be a string");
        }
        JsonObject capabilities = object(meta, CLIENT_CAPABILITIES, true);
        JsonObject info = object(meta, CLIENT_INFO, false);
        JsonValue level = meta.get(LOG_LEVEL);
        if (level != null && level.getValueType() != JsonValue.ValueType.STRING) {
            throw McpException.invalidParams("Invalid params: _meta." + LOG_LEVEL + " must be a string");
        }
        return new ModernMeta(meta.getString(PROTOCOL_VERSION), info, capabilities,
                level == null ? null : LogLevel.parse(meta.getString(LOG_LEVEL)));
    }

    private static JsonObject object(JsonObject meta, String key, boolean required) {
        JsonValue v = meta.get(key);
        if (v == null && !required) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw McpException.invalidParams("Invalid params: _meta." + key + " must be an object");
        }
        return v.asJsonObject();
    }

    private static JsonObject metaOf(JsonObject params) {
        JsonValue meta = params == null ? null : params.get("_meta");
        return meta != null && meta.getValueType() == JsonValue.ValueType.OBJECT ? meta.asJsonObject() : null;
    }
}
