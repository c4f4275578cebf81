package io.mcpcluster.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;

/** Builders of the three JSON-RPC 2.0 message shapes, on JSON-P; the error codes are {@link ErrorCodes}. */
public final class JsonRpc {
    private JsonRpc() {
    }

    public static JsonObject request(JsonValue id, String method, JsonObject params) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("method", method);
        if (params != null) {
            b.add("params", params);
        }
        return b.build();
    }

    public static JsonObject notification(String method, JsonObject params) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("jsonrpc", "2.0").add("method", method);
        if (params != null) {
            b.add("params", params);
        }
        return b.build();
    }

    public static JsonObject result(JsonValue id, JsonObject result) {
        return Jsons.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("result", result).build();
    }

    /** An error response; {@code id} is JSON null when the request's id could not be read. */
    public static JsonObject error(JsonValue id, int code, String message, JsonValue data) {
        JsonObjectBuilder err = Jsons.createObjectBuilder().add("code", code).add("message", message == null ? "" : message);
        if (data != null) {
            err.add("data", data);
        }
        return Jsons.createObjectBuilder().add("jsonrpc", "2.0").add("id", id == null ? JsonValue.NULL : id)
                .add("error", err).build();
    }

    public static JsonObject error(JsonValue id, McpException e) {
        return error(id, e.code(), e.getMessage(), e.data());
    }

    /** Parses JSON text; malformed input raises {@link McpException} with {@link ErrorCodes#PARSE_ERROR}. */
    public static JsonValue parse(String text) {
        try (JsonReader reader = Jsons.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonParsingException | IllegalStateException e) {
            throw new McpException(ErrorCodes.PARSE_ERROR, "Parse error: " + e.getMessage());
        } catch (jakarta.json.JsonException e) {
            throw new McpException(ErrorCodes.PARSE_ERROR, "Parse error: " + e.getMessage());
        }
    }

    public static JsonObject parseObject(String text) {
        JsonValue v = parse(text);
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new McpException(ErrorCodes.PARSE_ERROR, "Expected a JSON object");
        }
        return v.asJsonObject();
    }

    /** Compact JSON text (Parsson's {@code toString} writes exactly that, without a writer per call). */
    public static String write(JsonValue value) {
        return value.toString();
    }
}
