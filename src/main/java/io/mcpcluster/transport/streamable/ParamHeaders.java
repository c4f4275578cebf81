package io.mcpcluster.transport.streamable;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;

import java.math.BigDecimal;

/**
 * The {@code Mcp-Param-<name>} headers of a 2026-07-28 {@code tools/call}: every argument the tool's input
 * schema marks {@code x-mcp-header} (at a chain of {@code properties} keys from the root) is mirrored in
 * its header when the body has a value for it, and the two agree. A value in the body without its header,
 * a header without a value in the body, or a header that differs is -32020. Integers compare by value.
 */
final class ParamHeaders {
    static final String KEYWORD = "x-mcp-header";
    private static final String PREFIX = "Mcp-Param-";

    private ParamHeaders() {
    }

    /** Checks the headers of a call whose arguments are {@code arguments} (null: none) against {@code inputSchema}. */
    static void check(HttpServletRequest req, JsonObject inputSchema, JsonObject arguments) {
        check(req, inputSchema, arguments, "");
    }

    private static void check(HttpServletRequest req, JsonObject schema, JsonObject instance, String path) {
        JsonValue properties = schema.get("properties");
        if (properties == null || properties.getValueType() != JsonValue.ValueType.OBJECT) {
            return;
        }
        for (var property : properties.asJsonObject().entrySet()) {
            if (property.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            JsonObject sub = property.getValue().asJsonObject();
            JsonValue value = instance == null ? null : instance.get(property.getKey());
            JsonValue header = sub.get(KEYWORD);
            if (header != null && header.getValueType() == JsonValue.ValueType.STRING) {
                compare(req, ((JsonString) header).getString(), value, path + property.getKey());
            }
            check(req, sub, value != null && value.getValueType() == JsonValue.ValueType.OBJECT
                    ? value.asJsonObject() : null, path + property.getKey() + ".");
        }
    }

    private static void compare(HttpServletRequest req, String header, JsonValue body, String path) {
        String name = PREFIX + header;
        String value = HeaderValues.decoded(name, HeaderValues.value(req, name));
        boolean inBody = body != null && body.getValueType() != JsonValue.ValueType.NULL;
        if (value == null && inBody) {
            throw HeaderValues.mismatch("the " + name + " header is required: argument " + path + " is in the body");
        }
        if (value != null && !inBody) {
            throw HeaderValues.mismatch("the " + name + " header is sent but argument " + path + " is not");
        }
        if (value != null && !matches(value, body)) {
            throw HeaderValues.mismatch("the " + name + " header does not match argument " + path);
        }
    }

    private static boolean matches(String header, JsonValue body) {
        return switch (body.getValueType()) {
            case STRING -> header.equals(((JsonString) body).getString());
            case TRUE -> header.equals("true");
            case FALSE -> header.equals("false");
            case NUMBER -> sameNumber(header, ((JsonNumber) body).bigDecimalValue());
            default -> false;
        };
    }

    private static boolean sameNumber(String header, BigDecimal body) {
        try {
            return new BigDecimal(header).compareTo(body) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
