package io.mcpcluster.transport;

import io.mcpcluster.config.InputLimits;
import io.mcpcluster.protocol.BoundedJson;
import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonLimits;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.JsonRpcMessage;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.protocol.McpMethods;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reading and checking a POST body: the media type, the size (Content-Length first, then counted
 * while reading, so a chunked body cannot exceed the limit either), JSON, and JSON-RPC shape.
 */
public final class RequestBodies {

    /** The body exceeds the limit: 413. */
    public static final class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("Request body larger than " + limit + " bytes");
        }
    }

    private RequestBodies() {
    }

    public static boolean isJson(HttpServletRequest req) {
        // The raw header: Jetty's getContentType() throws on an unknown charset ("charset=nope"). The body
        // is JSON, read as UTF-8 whatever charset is named.
        String ct = req.getHeader("Content-Type");
        return ct != null && ct.toLowerCase(Locale.ROOT).trim().startsWith(McpHeaders.JSON);
    }

    public static String read(HttpServletRequest req, long limit) throws IOException {
        if (req.getContentLengthLong() > limit) {
            throw new TooLarge(limit);
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream((int) Math.max(0, Math.min(limit, req.getContentLengthLong())));
        byte[] chunk = new byte[8192];
        try (InputStream in = req.getInputStream()) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (buf.size() + n > limit) {
                    throw new TooLarge(limit);
                }
                buf.write(chunk, 0, n);
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /**
     * Reads and parses the body of a POST, or answers the refusal and returns null: 413 too large, 400
     * with -32700 (not JSON), -32600 (not JSON-RPC, or over a limit of {@code limits}) or -32602 (the
     * params of {@code initialize} over {@link InputLimits#initializeBytes()}).
     */
    public static Messages readMessages(HttpServletRequest req, HttpServletResponse resp, long maxBodyBytes,
                                        InputLimits limits) throws IOException {
        Messages messages;
        try {
            messages = messages(read(req, maxBodyBytes), limits);
        } catch (TooLarge e) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    JsonValue.NULL, ErrorCodes.INVALID_REQUEST, e.getMessage());
            return null;
        } catch (McpException e) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_BAD_REQUEST, e);
            return null;
        }
        for (JsonRpcMessage m : messages.list()) {
            if (McpMethods.INITIALIZE.equals(m.method()) && m.params() != null
                    && JsonRpc.write(m.params()).length() > limits.initializeBytes()) {
                HttpReplies.error(req, resp, HttpServletResponse.SC_BAD_REQUEST, m.id(), ErrorCodes.INVALID_PARAMS,
                        "Invalid params: initialize params longer than " + limits.initializeBytes() + " characters");
                return null;
            }
        }
        return messages;
    }

    /** The messages of one POST body; {@code batch} when the body was a JSON array. */
    public record Messages(List<JsonRpcMessage> list, boolean batch) {
    }

    /**
     * One message or a batch, parsed within the JSON limits of {@code limits}; parse errors are -32700,
     * malformed messages and limits -32600.
     */
    public static Messages messages(String body, InputLimits limits) {
        JsonValue value = BoundedJson.parse(body,
                new JsonLimits(limits.jsonDepth(), limits.jsonStringChars(), limits.jsonEntries()));
        List<JsonRpcMessage> out = new ArrayList<>();
        boolean batch = value.getValueType() == JsonValue.ValueType.ARRAY;
        if (batch) {
            JsonArray array = value.asJsonArray();
            if (array.isEmpty()) {
                throw McpException.invalidRequest("Invalid Request: empty batch");
            }
            if (array.size() > limits.batchLength()) {
                throw McpException.invalidRequest("Invalid Request: a batch of more than " + limits.batchLength()
                        + " messages");
            }
            array.forEach(v -> out.add(JsonRpcMessage.of(v)));
        } else {
            out.add(JsonRpcMessage.of(value));
        }
        return new Messages(out, batch);
    }
}
