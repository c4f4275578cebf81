package io.mcpcluster.launcher;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's own error answers (a request refused before it reaches the application: a malformed URI or
 * {@code %} escape, a bad header) as a JSON-RPC error object with the status's reason phrase only:
 * no HTML page, no stack, no cause, no server version.
 */
final class JsonErrorHandler extends ErrorHandler {
    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
        setShowOrigin(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status));
    }

    private static byte[] body(int status) {
        int rpcCode = status >= 500 ? -32603 : -32600;
        String reason = HttpStatus.getMessage(status);
        return ("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + rpcCode + ",\"message\":\"" + reason + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
