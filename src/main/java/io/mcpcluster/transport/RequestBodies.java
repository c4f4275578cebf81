package io.mcpcluster.transport;

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
     * -32600) and returns null. {@code rawBody}, if given, receives the body text.
     */
    public static List<JsonRpcMessage> readMessages(HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp,
                                                    long limit, StringBuilder rawBody) throws IOException {
        try {
            String body = read(req, limit);
            if (rawBody != null) {
                rawBody.append(body);
            }
            return messages(body);
        } catch (TooLarge e) {
            HttpReplies.error(req, resp, jakarta.servlet.http.HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    jakarta.json.JsonValue.NULL, io.mcpcluster.protocol.JsonRpc.INVALID_REQUEST, e.getMessage());
        } catch (McpException e) {
            HttpReplies.error(req, resp, jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST, e);
        }
        return null;
    }

    /** One message or a batch; parse errors are -32700, malformed messages -32600. */
    public static List<JsonRpcMessage> messages(String body) {
        JsonValue value = JsonRpc.parse(body);
        List<JsonRpcMessage> out = new ArrayList<>();
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArray batch = value.asJsonArray();
            if (batch.isEmpty()) {
                throw McpException.invalidRequest("Invalid Request: empty batch");
            }
            batch.forEach(v -> out.add(JsonRpcMessage.of(v)));
        } else {
            out.add(JsonRpcMessage.of(value));
        }
        return out;
    }

    public static boolean isBatch(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '[';
            }
        }
        return false;
    }
}
