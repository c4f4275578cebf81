package io.mcpcluster.transport.streamable;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.McpException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HeaderValuesTest {

    private static int refusal(String value) {
        return assertThrows(McpException.class, () -> HeaderValues.decoded("Mcp-Param-X", value)).code();
    }

    @Test
    void decodesTheSpecsExamples() {
        assertEquals("Hello, 世界", HeaderValues.decoded("Mcp-Param-X", "=?base64?SGVsbG8sIOS4lueVjA==?="));
        assertEquals(" padded ", HeaderValues.decoded("Mcp-Param-X", "=?base64?IHBhZGRlZCA=?="));
        assertEquals("=?base64?literal?=", HeaderValues.decoded("Mcp-Param-X", "=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?="));
    }

    @Test
    void aValueWithoutTheWholeSentinelIsLiteral() {
        assertEquals("SGVsbG8=", HeaderValues.decoded("Mcp-Param-X", "SGVsbG8="));
        assertEquals("=?base64?SGVsbG8=", HeaderValues.decoded("Mcp-Param-X", "=?base64?SGVsbG8="));
    }

    @Test
    void missingPaddingAndForeignCharactersAreHeaderMismatch() {
        assertEquals(ErrorCodes.HEADER_MISMATCH, refusal("=?base64?SGVsbG8?="));
        assertEquals(ErrorCodes.HEADER_MISMATCH, refusal("=?base64?SGVs!!!bG8=?="));
        assertEquals(ErrorCodes.HEADER_MISMATCH, refusal("=?base64?SGVsbG8=SGVs?="));
    }

    @Test
    void anErrorMessageRepeatsOnlyAShortPrefix() {
        assertEquals(65, HeaderValues.shown("x".repeat(100_000)).length());
        assertEquals("short", HeaderValues.shown("short"));
    }
}
