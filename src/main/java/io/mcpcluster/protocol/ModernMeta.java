package io.mcpcluster.protocol;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.regex.Pattern;

/**
 * What a 2026-07-28 request says about its client in {@code params._meta}: the protocol version and
 * client capabilities (required), the client info (optional), the log level (no log messages
 * without it) and the W3C trace context (optional, carried into the request's log lines). There is no
 * session: every request carries these.
 *
 * @param logLevel    null when the request asked for no log messages
 * @param traceparent the W3C {@code traceparent} of {@code _meta}, or null when absent or malformed
 *                    (ignored then, as W3C Trace Context says)
 */
public record ModernMeta(String protocolVersion, JsonObject clientInfo, JsonObject clientCapabilities,
                         LogLevel logLevel, String traceparent) {
    public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    public static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    /** Unprefixed by exception (SEP-414), as OpenTelemetry names it. */
    public static final String TRACEPARENT = "traceparent";
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    /** On every message of a subscriptions/listen stream: the id of the request that opened it. */
    public static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

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
        JsonValue token = meta.get("progressToken");
        if (token != null && token.getValueType() != JsonValue.ValueType.STRING
                && !(token instanceof JsonNumber n && n.isIntegral())) {
            throw McpException.invalidParams("Invalid params: _meta.progressToken must be a string or an integer");
        }
        return new ModernMeta(meta.getString(PROTOCOL_VERSION), info, capabilities,
                level == null ? null : LogLevel.parse(meta.getString(LOG_LEVEL)), traceparent(meta));
    }

    private static String traceparent(JsonObject meta) {
        JsonValue v = meta.get(TRACEPARENT);
        return v instanceof JsonString s && TRACEPARENT_FORMAT.matcher(s.getString()).matches() ? s.getString() : null;
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
