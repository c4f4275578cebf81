package io.mcpcluster.protocol;

import io.mcpcluster.api.AudioContent;
import io.mcpcluster.api.BlobResourceContents;
import io.mcpcluster.api.Content;
import io.mcpcluster.api.EmbeddedResource;
import io.mcpcluster.api.ImageContent;
import io.mcpcluster.api.PromptMessage;
import io.mcpcluster.api.PromptResponse;
import io.mcpcluster.api.ResourceContents;
import io.mcpcluster.api.ResourceLink;
import io.mcpcluster.api.TextContent;
import io.mcpcluster.api.TextResourceContents;
import io.mcpcluster.api.ToolResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The wire form of the user API's content records (spec 2025-11-25 schema). */
public final class ContentJson {
    private ContentJson() {
    }

    public static JsonObject content(Content c) {
        if (c instanceof TextContent t) {
            return Jsons.createObjectBuilder().add("type", "text").add("text", nonNull(t.text())).build();
        }
        if (c instanceof ImageContent i) {
            return Jsons.createObjectBuilder().add("type", "image").add("data", nonNull(i.data()))
                    .add("mimeType", nonNull(i.mimeType())).build();
        }
        if (c instanceof AudioContent a) {
            return Jsons.createObjectBuilder().add("type", "audio").add("data", nonNull(a.data()))
                    .add("mimeType", nonNull(a.mimeType())).build();
        }
        if (c instanceof EmbeddedResource r) {
            return Jsons.createObjectBuilder().add("type", "resource").add("resource", resourceContents(r.resource()))
                    .build();
        }
        ResourceLink l = (ResourceLink) c;
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("type", "resource_link").add("uri", l.uri())
                .add("name", nonNull(l.name()));
        optional(b, "description", l.description());
        optional(b, "mimeType", l.mimeType());
        return b.build();
    }

    public static JsonObject resourceContents(ResourceContents rc) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("uri", rc.uri());
        optional(b, "mimeType", rc.mimeType());
        if (rc instanceof TextResourceContents t) {
            b.add("text", nonNull(t.text()));
        } else {
            b.add("blob", nonNull(((BlobResourceContents) rc).blob()));
        }
        return b.build();
    }

    /** {@code structured} converts a structured-content object to JSON (JSON-B). */
    public static JsonObject toolResult(ToolResponse r, Function<Object, JsonValue> structured) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("content", array(r.content(), ContentJson::content));
        if (r.isError()) {
            b.add("isError", true);
        }
        if (r.structuredContent() != null) {
            b.add("structuredContent", structured.apply(r.structuredContent()));
        }
        return b.build();
    }

    public static JsonObject promptResult(PromptResponse r) {
        JsonObjectBuilder b = Jsons.createObjectBuilder();
        optional(b, "description", r.description());
        return b.add("messages", array(r.messages(), ContentJson::promptMessage)).build();
    }

    public static JsonObject promptMessage(PromptMessage m) {
        return Jsons.createObjectBuilder().add("role", m.role().name().toLowerCase(Locale.ROOT))
                .add("content", content(m.content())).build();
    }

    public static <T> JsonArrayBuilder array(List<T> items, Function<T, JsonObject> f) {
        JsonArrayBuilder a = Jsons.createArrayBuilder();
        for (T item : items) {
            a.add(f.apply(item));
        }
        return a;
    }

    public static void optional(JsonObjectBuilder b, String key, String value) {
        if (value != null && !value.isEmpty()) {
            b.add(key, value);
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
