package io.mcpcluster.it.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Spoils a well-formed message: a value replaced by a hostile one (wrong type, extreme number, huge or
 * malformed string, deep nesting), a member dropped or added, the envelope's {@code jsonrpc}, {@code id},
 * {@code method} or {@code params} made wrong, or the message sent in a batch. Returns the kind of
 * spoiling (for grouping failures) and the JSON text.
 */
final class BodyMutator {
    record Mutated(String kind, String json) {
    }

    private record Slot(Object container, Object key) {
    }

    /** Mostly 100 KB; now and then 1 MB, or 5 MB (above the default body limit). */
    private static final List<Integer> HUGE_STRING_LENGTHS = List.of(100_000, 100_000, 100_000, 100_000, 100_000,
            100_000, 100_000, 100_000, 1_000_000, 5_000_000);
    private final HostileValues values;

    BodyMutator(HostileValues values) {
        this.values = values;
    }

    Mutated mutate(Map<String, Object> message) {
        return switch (values.below(12)) {
            case 0, 1, 2 -> replaceSomeValue(message);
            case 3 -> dropSomeMember(message);
            case 4 -> envelope(message);
            case 5 -> {
                arguments(message).put("deep", new Json.Raw(values.nested(values.deepLevel())));
                yield new Mutated("deep-nesting", Json.write(message));
            }
            case 6 -> {
                arguments(message).put(values.pick(List.of("text", "topic", "x")), "w".repeat(
                        values.pick(HUGE_STRING_LENGTHS)));
                yield new Mutated("huge-string", Json.write(message));
            }
            case 7 -> batch(message);
            case 8 -> new Mutated("duplicate-member", "{\"method\":" + Json.quote(values.string()) + ",\"id\":"
                    + Json.write(values.value()) + "," + Json.write(message).substring(1));
            case 9 -> {
                arguments(message).put(values.string(), values.value());
                yield new Mutated("extra-member", Json.write(message));
            }
            default -> new Mutated("valid", Json.write(message));
        };
    }

    private Mutated replaceSomeValue(Map<String, Object> message) {
        List<Slot> slots = new ArrayList<>();
        collect(message, slots);
        Slot slot = values.pick(slots);
        put(slot, values.value());
        return new Mutated("hostile-value", Json.write(message));
    }

    private Mutated dropSomeMember(Map<String, Object> message) {
        List<Slot> slots = new ArrayList<>();
        collect(message, slots);
        slots.removeIf(s -> !(s.container() instanceof Map<?, ?>));
        Slot slot = values.pick(slots);
        ((Map<?, ?>) slot.container()).remove(slot.key());
        return new Mutated("missing-member", Json.write(message));
    }

    private Mutated envelope(Map<String, Object> message) {
        String member = values.pick(List.of("jsonrpc", "id", "method", "params"));
        Object value = switch (member) {
            case "id" -> values.pick(Arrays.asList(new Json.Raw("1.5"), Json.object(), Json.array(1), true,
                    new Json.Raw("9223372036854775808"), values.string(), new Json.Raw("-1"), null));
            case "jsonrpc" -> values.pick(List.of("1.0", "2.00", new Json.Raw("2.0"), "", values.string()));
            default -> values.value();
        };
        message.put(member, value);
        return new Mutated("envelope-" + member, Json.write(message));
    }

    private Mutated batch(Map<String, Object> message) {
        int size = values.pick(List.of(0, 1, 2, 10, 100, 2_000));
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(i % 3 == 2 ? values.smallValue() : message);
        }
        return new Mutated("batch-" + size, Json.write(batch));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> arguments(Map<String, Object> message) {
        Object params = message.computeIfAbsent("params", k -> Json.object());
        if (!(params instanceof Map<?, ?>)) {
            params = Json.object();
            message.put("params", params);
        }
        Map<String, Object> p = (Map<String, Object>) params;
        Object args = p.get("arguments");
        return args instanceof Map<?, ?> ? (Map<String, Object>) args : p;
    }

    private static void collect(Object node, List<Slot> slots) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                slots.add(new Slot(m, e.getKey()));
                collect(e.getValue(), slots);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                slots.add(new Slot(l, i));
                collect(l.get(i), slots);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Slot slot, Object value) {
        if (slot.container() instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).put(slot.key(), value);
        } else {
            ((List<Object>) slot.container()).set((Integer) slot.key(), value);
        }
    }
}
