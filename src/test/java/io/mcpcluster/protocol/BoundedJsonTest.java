package io.mcpcluster.protocol;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class BoundedJsonTest {
    private static final JsonLimits LIMITS = new JsonLimits(64, 100, 10);

    private static JsonValue parse(String text) {
        return BoundedJson.parse(text, LIMITS);
    }

    private static McpException refusal(String text) {
        return assertThrows(McpException.class, () -> parse(text));
    }

    private static String nested(int levels) {
        return "[".repeat(levels) + "]".repeat(levels);
    }

    @Test
    void buildsTheSameTreeAsTheReaderWithinTheLimits() {
        String text = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
                + "\"arguments\":{\"n\":12345678901234567890,\"d\":1.5e3,\"t\":true,\"f\":false,\"z\":null,"
                + "\"a\":[1,\"x\",{\"k\":[]}],\"s\":\"caf\\u00e9 \\\"q\\\"\"}}}";
        assertEquals(JsonRpc.parse(text), parse(text));
        assertEquals(JsonRpc.parse("\"text\""), parse(" \"text\" "));
    }

    @Test
    void acceptsNestingUpToTheLimitAndRefusesOneLevelMore() {
        assertEquals(JsonValue.ValueType.ARRAY, parse(nested(64)).getValueType());
        McpException e = refusal(nested(65));
        assertEquals(ErrorCodes.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().contains("64"), e.getMessage());
        assertEquals(ErrorCodes.INVALID_REQUEST, refusal("{\"a\":" + nested(64) + "}").code());
    }

    @Test
    void refusesAMillionLevelsAtTheLimitWithoutOverflowingTheStack() {
        assertEquals(ErrorCodes.INVALID_REQUEST, refusal("[".repeat(1_000_000)).code());
        assertEquals(ErrorCodes.INVALID_REQUEST, refusal("{\"a\":".repeat(200_000)).code());
    }

    @Test
    void refusesStringsAndMemberNamesLongerThanTheLimit() {
        assertEquals(100, parse("\"" + "x".repeat(100) + "\"").toString().length() - 2);
        assertEquals(ErrorCodes.INVALID_REQUEST, refusal("\"" + "x".repeat(101) + "\"").code());
        assertEquals(ErrorCodes.INVALID_REQUEST, refusal("{\"" + "k".repeat(101) + "\":1}").code());
    }

    @Test
    void refusesArraysAndObjectsWithMoreEntriesThanTheLimit() {
        assertEquals(10, parse("[0,1,2,3,4,5,6,7,8,9]").asJsonArray().size());
        assertEquals(ErrorCodes.INVALID_REQUEST, refusal("[0,1,2,3,4,5,6,7,8,9,10]").code());
        StringBuilder members = new StringBuilder("{");
        for (int i = 0; i <= 10; i++) {
            members.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        assertEquals(ErrorCodes.INVALID_REQUEST, refusal(members.append("}").toString()).code());
    }

    @Test
    void malformedTextIsAParseError() {
        for (String text : new String[]{"", "   ", "{", "{\"a\":}", "[1,]", "{} {}", "[1] x", "nul", "\"\\x\"", "01"}) {
            assertEquals(ErrorCodes.PARSE_ERROR, refusal(text).code(), text);
        }
    }
}
