package io.mcpcluster.cdi;

import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.McpException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;

import java.lang.reflect.Type;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Binds a client's JSON argument to a Java parameter type: fast paths for strings, numbers, booleans
 * and enums, JSON-B for everything else. Checked before the method runs: a required argument that is
 * missing or {@code null}, and a value that does not fit the type (a number for a string too), is
 * -32602 naming the argument.
 */
final class ArgumentConverter {
    private final Jsonb jsonb;

    ArgumentConverter(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /** The value of argument {@code p} in {@code arguments}: the client's, else its default, else empty. */
    Object bind(ParamSpec p, JsonObject arguments) {
        JsonValue value = arguments.get(p.name());
        boolean absent = value == null || value.getValueType() == JsonValue.ValueType.NULL;
        if (absent && p.defaultValue() != null) {
            return convertDefault(p.name(), p.defaultValue(), p.type());
        }
        if (absent && p.required()) {
            throw McpException.invalidParams(value == null ? "Missing required argument: " + p.name()
                    : "Argument '" + p.name() + "' must not be null");
        }
        return convert(p.name(), value, p.type());
    }

    Object convert(String name, JsonValue value, Type type) {
        Class<?> raw = JsonSchemaGenerator.rawClass(type);
        boolean absent = value == null || value.getValueType() == JsonValue.ValueType.NULL;
        if (raw == Optional.class) {
            return absent ? Optional.empty() : Optional.of(convert(name, value, JsonSchemaGenerator.typeArgument(type, 0)));
        }
        if (raw == OptionalInt.class) {
            return absent ? OptionalInt.empty() : OptionalInt.of((Integer) convert(name, value, int.class));
        }
        if (raw == OptionalLong.class) {
            return absent ? OptionalLong.empty() : OptionalLong.of((Long) convert(name, value, long.class));
        }
        if (raw == OptionalDouble.class) {
            return absent ? OptionalDouble.empty() : OptionalDouble.of((Double) convert(name, value, double.class));
        }
        if (absent) {
            return raw.isPrimitive() ? primitiveDefault(raw) : null;
        }
        try {
            return convertPresent(value, type, raw);
        } catch (ArithmeticException | ClassCastException | IllegalArgumentException | JsonbException e) {
            String got = JsonRpc.write(value);
            throw McpException.invalidParams("Invalid value for argument '" + name + "': expected "
                    + raw.getSimpleName() + ", got " + (got.length() > 60 ? got.substring(0, 60) + "…" : got));
        }
    }

    /** Parses a {@code defaultValue} string as the parameter's type (JSON for non-strings). */
    Object convertDefault(String name, String text, Type type) {
        Class<?> raw = JsonSchemaGenerator.rawClass(type);
        if (raw == String.class || raw.isEnum() || (raw == Optional.class
                && JsonSchemaGenerator.typeArgument(type, 0) == String.class)) {
            return convert(name, io.mcpcluster.protocol.Jsons.createValue(text), type);
        }
        return convert(name, JsonRpc.parse(text), type);
    }

    private Object convertPresent(JsonValue value, Type type, Class<?> raw) {
        if (raw == String.class) {
            if (value instanceof JsonString s) {
                return s.getString();
            }
            throw new IllegalArgumentException("not a string");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (value == JsonValue.TRUE || value == JsonValue.FALSE
                    || value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
                return value.getValueType() == JsonValue.ValueType.TRUE;
            }
            throw new IllegalArgumentException("not a boolean");
        }
        if (value instanceof JsonNumber n) {
            if (raw == int.class || raw == Integer.class) {
                return n.intValueExact();
            }
            if (raw == long.class || raw == Long.class) {
                return n.longValueExact();
            }
            if (raw == double.class || raw == Double.class) {
                return n.doubleValue();
            }
            if (raw == float.class || raw == Float.class) {
                return (float) n.doubleValue();
            }
        }
        if (raw.isEnum() && value instanceof JsonString s) {
            return enumValue(raw, s.getString());
        }
        if (JsonValue.class.isAssignableFrom(raw)) {
            return raw.cast(value);
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw) && !(value instanceof JsonNumber)) {
            throw new IllegalArgumentException("not a number");
        }
        return jsonb.fromJson(JsonRpc.write(value), type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> raw, String name) {
        return Enum.valueOf((Class) raw, name);
    }

    private static Object primitiveDefault(Class<?> raw) {
        if (raw == boolean.class) {
            return false;
        }
        if (raw == char.class) {
            return '\0';
        }
        if (raw == long.class) {
            return 0L;
        }
        if (raw == double.class) {
            return 0d;
        }
        if (raw == float.class) {
            return 0f;
        }
        if (raw == short.class) {
            return (short) 0;
        }
        if (raw == byte.class) {
            return (byte) 0;
        }
        return 0;
    }
}
