package io.mcpcluster.transport;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.JsonRpcMessage;
import io.mcpcluster.protocol.McpException;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;

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
        String ct = req.getContentType();
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
     * Reads and parses the body of a POST, or answers the refusal (413 too large, 400 with -32700 or
     * -32600) and returns null.
     */
    public static Messages readMessages(HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp, long limit)
            throws IOException {
        try {
            return messages(read(req, limit));
        } catch (TooLarge e) {
            HttpReplies.error(req, resp, jakarta.servlet.http.HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    JsonValue.NULL, ErrorCodes.INVALID_REQUEST, e.getMessage());
        } catch (McpException e) {
            HttpReplies.error(req, resp, jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST, e);
        }
        return null;
    }

    /** The messages of one POST body; {@code batch} when the body was a JSON array. */
    public record Messages(List<JsonRpcMessage> list, boolean batch) {
    }

    /** One message or a batch; parse errors are -32700, malformed messages -32600. */
    public static Messages messages(String body) {
        JsonValue value = JsonRpc.parse(body);
        List<JsonRpcMessage> out = new ArrayList<>();
        boolean batch = value.getValueType() == JsonValue.ValueType.ARRAY;
        if (batch) {
            JsonArray array = value.asJsonArray();
            if (array.isEmpty()) {
                throw McpException.invalidRequest("Invalid Request: empty batch");
            }
            array.forEach(v -> out.add(JsonRpcMessage.of(v)));
        } else {
            out.add(JsonRpcMessage.of(value));
        }
        return new Messages(out, batch);
    }
}
