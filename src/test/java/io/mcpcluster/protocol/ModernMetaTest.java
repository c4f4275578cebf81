package io.mcpcluster.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModernMetaTest {
    private static final String VERSION = "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"";
    private static final String CAPS = "\"io.modelcontextprotocol/clientCapabilities\":{\"sampling\":{}}";

    private static ModernMeta of(String params) {
        return ModernMeta.of(JsonRpc.parseObject(params));
    }

    private static int code(String params) {
        return assertThrows(McpException.class, () -> of(params)).code();
    }

    @Test
    void readsVersionCapabilitiesAndOptionalClientInfoAndLogLevel() {
        ModernMeta m = of("{\"_meta\":{" + VERSION + "," + CAPS + "}}");
        assertEquals("2026-07-28", m.protocolVersion());
        assertTrue(m.clientCapabilities().containsKey("sampling"));
        assertTrue(m.clientInfo().isEmpty());
        assertNull(m.logLevel(), "no level: no log messages");
        assertEquals(LogLevel.WARNING, of("{\"_meta\":{" + VERSION + "," + CAPS
                + ",\"io.modelcontextprotocol/logLevel\":\"warning\"}}").logLevel());
    }

    @Test
    void missingOrMalformedFieldsAreInvalidParams() {
        assertEquals(ErrorCodes.INVALID_PARAMS, code("{}"));
        assertEquals(ErrorCodes.INVALID_PARAMS, code("{\"_meta\":7}"));
        assertEquals(ErrorCodes.INVALID_PARAMS, code("{\"_meta\":{" + CAPS + "}}"));
        assertEquals(ErrorCodes.INVALID_PARAMS, code("{\"_meta\":{" + VERSION + "}}"));
        assertEquals(ErrorCodes.INVALID_PARAMS, code("{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":1," + CAPS + "}}"));
        assertEquals(ErrorCodes.INVALID_PARAMS, code("{\"_meta\":{" + VERSION + ",\"io.modelcontextprotocol/clientCapabilities\":[]}}"));
        assertEquals(ErrorCodes.INVALID_PARAMS, code("{\"_meta\":{" + VERSION + "," + CAPS
                + ",\"io.modelcontextprotocol/logLevel\":\"loud\"}}"));
    }

    @Test
    void aProgressTokenOtherThanAStringOrAnIntegerIsInvalidParams() {
        assertEquals(ErrorCodes.INVALID_PARAMS, code("{\"_meta\":{" + VERSION + "," + CAPS + ",\"progressToken\":{}}}"));
        assertEquals(ErrorCodes.INVALID_PARAMS, code("{\"_meta\":{" + VERSION + "," + CAPS + ",\"progressToken\":1.5}}"));
        assertEquals("2026-07-28", of("{\"_meta\":{" + VERSION + "," + CAPS + ",\"progressToken\":7}}").protocolVersion());
    }

    @Test
    void aWellFormedTraceparentIsKeptAndAMalformedOneIgnored() {
        String tp = "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01";
        assertEquals(tp, of("{\"_meta\":{" + VERSION + "," + CAPS + ",\"traceparent\":\"" + tp + "\"}}").traceparent());
        assertNull(of("{\"_meta\":{" + VERSION + "," + CAPS + ",\"traceparent\":\"00-xyz\"}}").traceparent());
        assertNull(of("{\"_meta\":{" + VERSION + "," + CAPS + ",\"traceparent\":42}}").traceparent());
    }

    @Test
    void onlyThe2026FieldsChooseTheStatelessEra() {
        assertTrue(ModernMeta.isPresent(JsonRpc.parseObject("{\"_meta\":{" + VERSION + "}}")));
        assertFalse(ModernMeta.isPresent(JsonRpc.parseObject("{\"_meta\":{\"progressToken\":1}}")));
        assertFalse(ModernMeta.isPresent(JsonRpc.parseObject("{\"_meta\":\"x\"}")));
        assertFalse(ModernMeta.isPresent(null));
    }
}
