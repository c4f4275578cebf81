package io.mcpcluster.it.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One hostile HTTP request, as sent: what it targets ({@code kind}, e.g. {@code session/body/deep-nesting}),
 * method, path with query, headers and body (null: none). {@code index} and the run's seed regenerate it;
 * {@link #toJson()} records it as sent, so a failure replays even after the generator changes.
 */
public record FuzzCase(long seed, long index, String kind, String method, String path, Map<String, String> headers,
                       String body) {

    public JsonObject toJson() {
        JsonObjectBuilder h = Json.createObjectBuilder();
        headers.forEach(h::add);
        JsonObjectBuilder b = Json.createObjectBuilder().add("seed", seed).add("index", index).add("kind", kind)
                .add("method", method).add("path", path).add("headers", h);
        if (body != null) {
            b.add("body", body);
        }
        return b.build();
    }

    public static FuzzCase fromJson(JsonObject o) {
        Map<String, String> headers = new LinkedHashMap<>();
        o.getJsonObject("headers").forEach((k, v) -> headers.put(k, ((JsonString) v).getString()));
        return new FuzzCase(o.getJsonNumber("seed").longValue(), o.getJsonNumber("index").longValue(),
                o.getString("kind"), o.getString("method"), o.getString("path"), headers, o.getString("body", null));
    }

    /** A short form for reports: a long body is cut in the middle. */
    public String brief() {
        String b = body == null ? "" : body.length() <= 300 ? body
                : body.substring(0, 150) + "…(" + body.length() + " chars)…" + body.substring(body.length() - 100);
        return method + " " + path + " " + headers + (b.isEmpty() ? "" : " " + b);
    }
}
