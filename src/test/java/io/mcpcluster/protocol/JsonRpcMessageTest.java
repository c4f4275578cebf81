package io.mcpcluster.protocol;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonRpcMessageTest {

    private static JsonRpcMessage of(String json) {
        return JsonRpcMessage.of(JsonRpc.parse(json));
    }

    private static int code(Runnable r) {
        return assertThrows(McpException.class, r::run).code();
    }

    @Test
    void classifiesRequestsNotificationsAndResponses() {
        assertEquals(JsonRpcMessage.Kind.REQUEST, of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").kind());
        assertEquals(JsonRpcMessage.Kind.NOTIFICATION, of("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").kind());
        assertEquals(JsonRpcMessage.Kind.RESPONSE, of("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"result\":{}}").kind());
        assertEquals(JsonRpcMessage.Kind.RESPONSE, of("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"error\":{\"code\":1,\"message\":\"m\"}}").kind());
    }

    @Test
    void rejectsMalformedJsonAsParseError() {
        assertEquals(ErrorCodes.PARSE_ERROR, code(() -> JsonRpc.parse("{\"jsonrpc\":")));
        assertEquals(ErrorCodes.PARSE_ERROR, code(() -> JsonRpc.parse("")));
    }

    @Test
    void rejectsInvalidShapesAsInvalidRequest() {
        assertEquals(ErrorCodes.INVALID_REQUEST, code(() -> of("[1]")));
        assertEquals(ErrorCodes.INVALID_REQUEST, code(() -> of("{\"id\":1,\"method\":\"ping\"}")));
        assertEquals(ErrorCodes.INVALID_REQUEST, code(() -> of("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}")));
        assertEquals(ErrorCodes.INVALID_REQUEST, code(() -> of("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}")));
        assertEquals(ErrorCodes.INVALID_REQUEST, code(() -> of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}")));
        assertEquals(ErrorCodes.INVALID_REQUEST, code(() -> of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":[1]}")));
        assertEquals(ErrorCodes.INVALID_REQUEST, code(() -> of("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{}}")));
    }

    @Test
    void keepsTheProgressTokenWithItsJsonType() {
        assertEquals(JsonValue.ValueType.NUMBER, of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":"
                + "{\"_meta\":{\"progressToken\":7}}}").progressToken().getValueType());
        assertEquals(JsonValue.ValueType.STRING, of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":"
                + "{\"_meta\":{\"progressToken\":\"t\"}}}").progressToken().getValueType());
        assertNull(of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}").progressToken());
    }

    @Test
    void buildsErrorResponsesWithNullIdWhenTheIdIsUnknown() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"m\"}}",
                JsonRpc.write(JsonRpc.error(null, ErrorCodes.PARSE_ERROR, "m", null)));
    }

    @Test
    void negotiatesTheClientsVersionWhenSupportedElseTheLatest() {
        assertEquals("2025-03-26", ProtocolVersions.negotiate("2025-03-26"));
        assertEquals("2024-11-05", ProtocolVersions.negotiate("2024-11-05"));
        assertEquals(ProtocolVersions.LATEST, ProtocolVersions.negotiate("2099-01-01"));
        assertEquals(ProtocolVersions.LATEST, ProtocolVersions.negotiate(null));
    }

    @Test
    void ordersLogLevelsBySeverity() {
        assertEquals(true, LogLevel.ERROR.passes(LogLevel.WARNING));
        assertEquals(false, LogLevel.INFO.passes(LogLevel.WARNING));
        assertEquals(true, LogLevel.DEBUG.passes(null));
        assertEquals(ErrorCodes.INVALID_PARAMS, code(() -> LogLevel.parse("verbose")));
    }
}
