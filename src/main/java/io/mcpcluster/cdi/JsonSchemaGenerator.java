package io.mcpcluster.cdi;

import io.mcpcluster.protocol.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * JSON Schema (2020-12 vocabulary) of a Java type, matching how JSON-B binds it: primitives and their
 * boxes, strings, enums, arrays and collections, maps with string keys, {@code Optional}, records
 * (every component; required unless {@code Optional}) and plain classes (public or JSON-B-visible
 * fields). A type that refers to itself becomes {@code {"type":"object"}} at the second visit.
 */
public final class JsonSchemaGenerator {
    private JsonSchemaGenerator() {
    }

    public static JsonObject schemaFor(Type type) {
        return schema(type, new HashSet<>());
    }

    /** True for {@code Optional<T>} and its primitive forms: such a parameter is not required. */
    public static boolean isOptional(Type type) {
        Class<?> raw = rawClass(type);
        return raw == Optional.class || raw == OptionalInt.class || raw == OptionalLong.class
                || raw == OptionalDouble.class;
    }

    private static JsonObject schema(Type type, Set<Type> visiting) {
        Class<?> raw = rawClass(type);
        if (raw == String.class || raw == char.class || raw == Character.class || raw == UUID.class
                || CharSequence.class.isAssignableFrom(raw) || Temporal.class.isAssignableFrom(raw)
                || raw == java.net.URI.class) {
            return simple("string");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return simple("boolean");
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class || raw == byte.class || raw == Byte.class
                || raw == BigInteger.class || raw == OptionalInt.class || raw == OptionalLong.class) {
            return simple("integer");
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                || raw == BigDecimal.class || raw == OptionalDouble.class || Number.class.isAssignableFrom(raw)) {
            return simple("number");
        }
        if (raw.isEnum()) {
            JsonArrayBuilder values = Jsons.createArrayBuilder();
            for (Object c : raw.getEnumConstants()) {
                values.add(((Enum<?>) c).name());
            }
            return Jsons.createObjectBuilder().add("type", "string").add("enum", values).build();
        }
        if (raw == Optional.class) {
            return schema(typeArgument(type, 0), visiting);
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            Type item = raw.isArray() ? componentType(type) : typeArgument(type, 0);
            JsonObjectBuilder b = Jsons.createObjectBuilder().add("type", "array").add("items", schema(item, visiting));
            if (Set.class.isAssignableFrom(raw)) {
                b.add("uniqueItems", true);
            }
            return b.build();
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Jsons.createObjectBuilder().add("type", "object")
                    .add("additionalProperties", schema(typeArgument(type, 1), visiting)).build();
        }
        if (JsonValue.class.isAssignableFrom(raw) || raw == Object.class) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (!visiting.add(type)) {
            return simple("object");
        }
        try {
            return raw.isRecord() ? recordSchema(raw, visiting) : beanSchema(raw, visiting);
        } finally {
            visiting.remove(type);
        }
    }

    private static JsonObject recordSchema(Class<?> raw, Set<Type> visiting) {
        JsonObjectBuilder props = Jsons.createObjectBuilder();
        List<String> required = new ArrayList<>();
        for (RecordComponent c : raw.getRecordComponents()) {
            String name = propertyName(c.getName(), c.getAccessor().getAnnotation(JsonbProperty.class));
            props.add(name, schema(c.getGenericType(), visiting));
            if (!isOptional(c.getGenericType())) {
                required.add(name);
            }
        }
        return objectSchema(props, required);
    }

    private static JsonObject beanSchema(Class<?> raw, Set<Type> visiting) {
        JsonObjectBuilder props = Jsons.createObjectBuilder();
        List<String> required = new ArrayList<>();
        for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isAnnotationPresent(JsonbTransient.class)
                        || f.isSynthetic()) {
                    continue;
                }
                String name = propertyName(f.getName(), f.getAnnotation(JsonbProperty.class));
                props.add(name, schema(f.getGenericType(), visiting));
                if (f.getType().isPrimitive()) {
                    required.add(name);
                }
            }
        }
        return objectSchema(props, required);
    }

    private static JsonObject objectSchema(JsonObjectBuilder props, List<String> required) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("type", "object").add("properties", props);
        if (!required.isEmpty()) {
            JsonArrayBuilder r = Jsons.createArrayBuilder();
            required.forEach(r::add);
            b.add("required", r);
        }
        return b.build();
    }

    private static String propertyName(String javaName, JsonbProperty p) {
        return p != null && !p.value().isEmpty() ? p.value() : javaName;
    }

    private static JsonObject simple(String type) {
        return Jsons.createObjectBuilder().add("type", type).build();
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            return java.lang.reflect.Array.newInstance(rawClass(g.getGenericComponentType()), 0).getClass();
        }
        return Object.class;
    }

    static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            Type arg = p.getActualTypeArguments()[index];
            return arg instanceof java.lang.reflect.WildcardType w ? w.getUpperBounds()[0] : arg;
        }
        return Object.class;
    }

    private static Type componentType(Type type) {
        if (type instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        return ((Class<?>) type).getComponentType();
    }
}
