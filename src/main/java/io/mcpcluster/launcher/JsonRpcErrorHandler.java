package io.mcpcluster.launcher;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

/**
 * What Jetty answers itself, before the application sees the request (431 for headers over the
 * connector's limit, 400 for a request it cannot parse): a JSON-RPC error with a null id (the body was
 * never read) instead of an HTML page, and one log line, so that a client of {@code /mcp} always gets
 * JSON-RPC and an operator sees every refusal. No stack, cause or server version is ever shown.
 */
final class JsonRpcErrorHandler extends ErrorHandler {
    private static final Logger LOG = Logger.getLogger(JsonRpcErrorHandler.class.getName());
    private static final int INVALID_REQUEST = -32600;

    JsonRpcErrorHandler() {
        // What the HTML and plain fallbacks would show, were they ever reached: no stack, cause or origin.
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
        setShowOrigin(false);
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                 String contentType, List<Charset> charsets, int code, String message,
                                                 Throwable cause) {
        String reason = message == null || message.isBlank() ? "HTTP " + code : message;
        LOG.info(() -> String.format("%s %s -> %d refused by the container: %s", request.getMethod(),
                request.getHttpURI().getPath(), code, reason));
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + INVALID_REQUEST + ",\"message\":\""
                + escape(reason) + "\"}}").getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** A request so broken that Jetty never built it (the parser refused it): the same JSON, no HTML. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        LOG.info(() -> String.format("unparsable request -> %d refused by the container: %s", status, reason));
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + INVALID_REQUEST
                + ",\"message\":\"" + escape(reason == null ? "HTTP " + status : reason) + "\"}}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
