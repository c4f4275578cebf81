package io.mcpcluster.cdi;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.McpException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgumentConverterTest {
    enum Unit { CELSIUS, KELVIN }

    public record Point(int x, int y) {
    }

    private final Jsonb jsonb = JsonbBuilder.create();
    private final ArgumentConverter converter = new ArgumentConverter(jsonb);

    @SuppressWarnings("unused")
    private List<Point> points;
    @SuppressWarnings("unused")
    private Optional<Long> maybe;

    private Object convert(String json, Type type) {
        return converter.convert("arg", JsonRpc.parse(json), type);
    }

    @Test
    void bindsScalarsEnumsRecordsAndGenericLists() throws Exception {
        assertEquals("hi", convert("\"hi\"", String.class));
        assertEquals(42, convert("42", int.class));
        assertEquals(2.5, convert("2.5", double.class));
        assertEquals(true, convert("true", boolean.class));
        assertEquals(Unit.KELVIN, convert("\"KELVIN\"", Unit.class));
        assertEquals(new Point(1, 2), convert("{\"x\":1,\"y\":2}", Point.class));
        Type listOfPoints = getClass().getDeclaredField("points").getGenericType();
        assertEquals(List.of(new Point(3, 4)), convert("[{\"x\":3,\"y\":4}]", listOfPoints));
        Type optionalLong = getClass().getDeclaredField("maybe").getGenericType();
        assertEquals(Optional.of(7L), convert("7", optionalLong));
        assertEquals(Optional.empty(), converter.convert("arg", null, optionalLong));
    }

    @Test
    void rejectsValuesThatDoNotFitWithInvalidParamsNamingTheArgument() {
        McpException e = assertThrows(McpException.class, () -> convert("\"many\"", int.class));
        assertEquals(ErrorCodes.INVALID_PARAMS, e.code());
        assertTrue(e.getMessage().contains("'arg'"));
        assertThrows(McpException.class, () -> convert("1.5", int.class));
        assertThrows(McpException.class, () -> convert("\"PLASMA\"", Unit.class));
        assertThrows(McpException.class, () -> convert("\"yes\"", boolean.class));
    }

    @Test
    void refusesNullOrMissingRequiredArgumentsNamingThem() {
        ParamSpec text = new ParamSpec(null, "text", String.class, true, null, "", null);
        McpException nul = assertThrows(McpException.class, () -> converter.bind(text, JsonRpc.parse("{\"text\":null}")
                .asJsonObject()));
        assertEquals(ErrorCodes.INVALID_PARAMS, nul.code());
        assertEquals("Argument 'text' must not be null", nul.getMessage());
        McpException missing = assertThrows(McpException.class, () -> converter.bind(text,
                jakarta.json.JsonValue.EMPTY_JSON_OBJECT));
        assertTrue(missing.getMessage().contains("text"), missing.getMessage());
        assertThrows(McpException.class, () -> converter.bind(new ParamSpec(null, "n", int.class, true, null, "", null),
                JsonRpc.parse("{\"n\":null}").asJsonObject()));
    }

    @Test
    void nullTakesTheDefaultAndAnOptionalArgumentMayBeNull() {
        ParamSpec top = new ParamSpec(null, "top", int.class, false, "3", "", null);
        assertEquals(3, converter.bind(top, JsonRpc.parse("{\"top\":null}").asJsonObject()));
        ParamSpec maybe = new ParamSpec(null, "maybe", String.class, false, null, "", null);
        assertEquals(null, converter.bind(maybe, JsonRpc.parse("{\"maybe\":null}").asJsonObject()));
    }

    @Test
    void refusesANumberWhereTheSchemaSaysString() {
        McpException e = assertThrows(McpException.class, () -> convert("42", String.class));
        assertTrue(e.getMessage().contains("expected String"), e.getMessage());
    }

    @Test
    void parsesDefaultValuesAsTheParameterType() {
        assertEquals(3, converter.convertDefault("n", "3", int.class));
        assertEquals("3", converter.convertDefault("s", "3", String.class));
        assertEquals(Unit.CELSIUS, converter.convertDefault("u", "CELSIUS", Unit.class));
    }
}
