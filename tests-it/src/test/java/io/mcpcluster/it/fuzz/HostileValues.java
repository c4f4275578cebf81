package io.mcpcluster.it.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Values chosen to break parsers and handlers: extreme numbers, wrong types, deep nesting, huge and
 * malformed strings. None of them contains what {@link Oracle} looks for in answers (a class name, a
 * stack frame), so an echo of the input is never taken for a leak.
 */
final class HostileValues {
    private static final List<String> NUMBERS = List.of("0", "-1", "-0", "1.5", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e308", "1e309", "-1e309",
            "1e-400", "123456789012345678901234567890123456789", "0.0000000000000000000000001", "4.9e-324",
            "1E2147483647", "-0.0e-0");
    /** Strings that are not valid where a name, URI, id or version is expected. */
    private static final List<String> STRINGS = List.of("", " ", "null", "undefined", "%", "%zz", "%00", "%u0000",
            "%C0%AE%C0%AE/", "../../../../etc/passwd", "..\\..\\windows", "file:///etc/passwd", "test://../../x",
            "demo://notes/../../x", "\u0000", "\ud800", "\udfff\ud800", "\u202e\u0041", "\uFEFF", "\uFFFF", "💥",
            "<script>alert(1)</script>", "' OR '1'='1", "%s%s%s%n%n", "${7*7}", "#{7*7}", "{{7*7}}",
            "${jndi:ldap://127.0.0.1:1/a}", "\\u0000", "\"", "\\", "\n\r\n", "a\u0000b", "2025-11-25 ",
            "2026-07-28\u0000", "9999-99-99", "=?base64?AAAA?=", "=?base64?***?=", "ref/prompt", "ref/resource",
            "tools/call", "initialize", "notifications/initialized", "x".repeat(300), "é".repeat(200));
    private static final String ALPHABET = "abcXYZ019 _-./:%?#&=+*~\"\\'<>{}[]()\u00e9\u4e2d\u0001\u007f";

    private final Random random;

    HostileValues(Random random) {
        this.random = random;
    }

    int below(int n) {
        return random.nextInt(n);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A hostile JSON value of any type, as a tree for {@link Json#write}. */
    Object value() {
        return switch (below(10)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2, 3 -> new Json.Raw(pick(NUMBERS));
            case 4, 5 -> string();
            case 6 -> new Json.Raw(nested(pick(List.of(2, 50, 200))));
            case 7 -> Json.array(value(), value());
            case 8 -> Json.object(pick(List.of("", "__proto__", "constructor", "_meta", "a".repeat(100))), value());
            default -> new Json.Raw(malformed());
        };
    }

    /** A hostile value of a few bytes: the items of a long batch. */
    Object smallValue() {
        return pick(Arrays.asList(null, 1, "x", true, new Json.Raw("[]"), new Json.Raw("{}"), new Json.Raw("1e309"),
                new Json.Raw("{\"jsonrpc\":\"2.0\"}"), new Json.Raw("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}")));
    }

    String string() {
        return switch (below(6)) {
            case 0 -> randomText(1 + below(40));
            case 1 -> pick(List.of("a", "\ud83d\ude00", "\u0000", "%")).repeat(pick(List.of(1_000, 20_000, 100_000)));
            default -> pick(STRINGS);
        };
    }

    /** Arrays and objects nested {@code depth} deep: a recursive parser or walker may overflow its stack. */
    String nested(int depth) {
        StringBuilder sb = new StringBuilder(depth * 6);
        boolean arrays = random.nextBoolean();
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "[" : "{\"a\":");
        }
        sb.append("1");
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "]" : "}");
        }
        return sb.toString();
    }

    int deepLevel() {
        return pick(List.of(65, 500, 1_200, 5_000, 50_000));
    }

    /** Text that is not JSON where a value is expected (the message around it stays well formed). */
    String malformed() {
        return pick(List.of("NaN", "Infinity", "-", "01", "1.", ".5", "1e", "tru", "nul", "'single'", "\"open",
                "[1,]", "{\"a\"}", "{,}", "[", "}", "\"\\x41\"", "\"\\ud800\"", "\"\\u12\"", "0x10", "+1",
                "\"a\" \"b\"", "/*c*/1", "[" + "1,".repeat(10_000) + "1]"));
    }

    /** A header value: odd characters (never CR or LF, which would end the header), odd lengths. */
    String headerValue() {
        return switch (below(8)) {
            case 0 -> "";
            case 1 -> randomText(1 + below(30)).replace('\r', ' ').replace('\n', ' ');
            case 2 -> "x".repeat(pick(List.of(300, 5_000, 20_000)));
            case 3 -> pick(List.of("\u0001", "\u007f", "\t", "é", "中文", "\ud83d\ude00", "\u0000"));
            default -> pick(STRINGS).replace('\r', ' ').replace('\n', ' ');
        };
    }

    String randomText(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** A query-string value: escapes that are broken, doubled or decode to control characters. */
    String queryValue() {
        return pick(List.of("", "%", "%zz", "%00", "%0d%0a", "%ff%fe", "%25", "a%2Fb", "..%2F..", "%C0%80",
                "+", "a&sessionId=b", "x".repeat(3_000), "%u0041", "abc%", "a b", "%E2%82"));
    }
}
