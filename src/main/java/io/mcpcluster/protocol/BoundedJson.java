package io.mcpcluster.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;

/**
 * Parses inbound JSON with JSON-P's streaming parser and builds the tree itself, so that every limit of
 * {@link JsonLimits} is checked as the parser reaches it: a body nested 100,000 levels deep fails at
 * level {@code depth + 1}, before anything deeper is built (recursion is bounded by the depth limit).
 * Malformed text is -32700 (parse error); well-formed text over a limit is -32600 (invalid request).
 */
public final class BoundedJson {
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private final JsonLimits limits;
    private final JsonParser parser;

    private BoundedJson(JsonLimits limits, JsonParser parser) {
        this.limits = limits;
        this.parser = parser;
    }

    public static JsonValue parse(String text, JsonLimits limits) {
        try (JsonParser parser = PROVIDER.createParser(new StringReader(text))) {
            BoundedJson reader = new BoundedJson(limits, parser);
            if (!parser.hasNext()) {
                throw new McpException(ErrorCodes.PARSE_ERROR, "Parse error: empty body");
            }
            JsonValue value = reader.value(parser.next(), 1);
            if (parser.hasNext()) {
                throw new McpException(ErrorCodes.PARSE_ERROR, "Parse error: more than one JSON value");
            }
            return value;
        } catch (McpException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonParsingException, JsonException, NumberFormatException, …: the text is not JSON.
            throw new McpException(ErrorCodes.PARSE_ERROR, "Parse error: " + e.getMessage());
        }
    }

    private JsonValue value(JsonParser.Event event, int depth) {
        return switch (event) {
            case START_OBJECT -> object(nested(depth));
            case START_ARRAY -> array(nested(depth));
            case VALUE_STRING -> PROVIDER.createValue(string(parser.getString()));
            case VALUE_NUMBER, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> parser.getValue();
            default -> throw new McpException(ErrorCodes.PARSE_ERROR, "Parse error: unexpected " + event);
        };
    }

    private int nested(int depth) {
        if (depth > limits.depth()) {
            throw tooMuch("nested deeper than " + limits.depth() + " levels");
        }
        return depth;
    }

    private JsonValue object(int depth) {
        JsonObjectBuilder b = PROVIDER.createObjectBuilder();
        int members = 0;
        JsonParser.Event event;
        while ((event = parser.next()) != JsonParser.Event.END_OBJECT) {
            String name = string(parser.getString());
            if (++members > limits.entries()) {
                throw tooMuch("an object with more than " + limits.entries() + " members");
            }
            b.add(name, value(parser.next(), depth + 1));
        }
        return b.build();
    }

    private JsonValue array(int depth) {
        JsonArrayBuilder b = PROVIDER.createArrayBuilder();
        int elements = 0;
        JsonParser.Event event;
        while ((event = parser.next()) != JsonParser.Event.END_ARRAY) {
            if (++elements > limits.entries()) {
                throw tooMuch("an array with more than " + limits.entries() + " elements");
            }
            b.add(value(event, depth + 1));
        }
        return b.build();
    }

    private String string(String s) {
        if (s.length() > limits.stringChars()) {
            throw tooMuch("a string longer than " + limits.stringChars() + " characters");
        }
        return s;
    }

    private static McpException tooMuch(String what) {
        return new McpException(ErrorCodes.INVALID_REQUEST, "Invalid Request: the JSON has " + what);
    }
}
