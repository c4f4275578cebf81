package io.mcpcluster.dispatch;

import io.mcpcluster.protocol.McpException;
import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Cursor pagination of list results. The cursor is opaque to clients (base64 of the offset); a cursor
 * that was not issued by us is -32602.
 */
final class Pagination {
    private Pagination() {
    }

    static JsonObject page(JsonObject params, String key, List<JsonObject> items, int pageSize) {
        int offset = offset(params);
        int end = Math.min(items.size(), offset + pageSize);
        JsonArrayBuilder a = Jsons.createArrayBuilder();
        for (int i = offset; i < end; i++) {
            a.add(items.get(i));
        }
        JsonObjectBuilder b = Jsons.createObjectBuilder().add(key, a);
        if (end < items.size()) {
            b.add("nextCursor", encode(end));
        }
        return b.build();
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("o:" + offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static int offset(JsonObject params) {
        JsonValue c = params.get("cursor");
        if (c == null || c.getValueType() == JsonValue.ValueType.NULL) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(params.getString("cursor")), StandardCharsets.US_ASCII);
            if (!s.startsWith("o:")) {
                throw new IllegalArgumentException(s);
            }
            int offset = Integer.parseInt(s.substring(2));
            if (offset < 0) {
                throw new IllegalArgumentException(s);
            }
            return offset;
        } catch (RuntimeException e) {
            throw McpException.invalidParams("Invalid cursor");
        }
    }
}
