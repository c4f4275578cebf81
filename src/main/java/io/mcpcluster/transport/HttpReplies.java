package io.mcpcluster.transport;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.session.SessionLimitException;
import io.mcpcluster.sse.EventId;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/** Refusals: an HTTP status with a JSON-RPC error object as the body, and one log line. */
public final class HttpReplies {
    private static final Logger LOG = Logger.getLogger(HttpReplies.class.getName());

    private HttpReplies() {
    }

    public static void error(HttpServletRequest req, HttpServletResponse resp, int status, JsonValue id, int code,
                             String message) throws IOException {
        error(req, resp, status, id, new McpException(code, message));
    }

    public static void error(HttpServletRequest req, HttpServletResponse resp, int status, McpException e)
            throws IOException {
        error(req, resp, status, JsonValue.NULL, e);
    }

    /** A refusal that answers the request {@code id} and carries the error's {@code data}, if any. */
    public static void error(HttpServletRequest req, HttpServletResponse resp, int status, JsonValue id,
                             McpException e) throws IOException {
        LOG.info(() -> String.format("%s %s -> %d %d %s", req.getMethod(), req.getRequestURI(), status, e.code(),
                e.getMessage()));
        if (resp.isCommitted()) {
            return;
        }
        resp.setStatus(status);
        json(resp, JsonRpc.write(JsonRpc.error(id, e)));
    }

    /** 410: the stream is known, but the events after {@code lastEventId} are no longer retained. */
    public static void gone(HttpServletRequest req, HttpServletResponse resp, EventId lastEventId) throws IOException {
        error(req, resp, HttpServletResponse.SC_GONE, JsonValue.NULL, ErrorCodes.INVALID_REQUEST,
                "Gone: the events after " + lastEventId + " are no longer retained");
    }

    /** 503 or 429: no new session now; a 503 asks the client to come back in a while. */
    public static void sessionLimit(HttpServletRequest req, HttpServletResponse resp, JsonValue id,
                                    SessionLimitException e) throws IOException {
        if (e.httpStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            resp.setHeader("Retry-After", "5");
        }
        error(req, resp, e.httpStatus(), id, e);
    }

    /** 400: the {@code Last-Event-ID} header is not of the form {@code <stream>.<seq>}. */
    public static void malformedLastEventId(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        error(req, resp, HttpServletResponse.SC_BAD_REQUEST, JsonValue.NULL, ErrorCodes.INVALID_REQUEST,
                "Bad Request: Last-Event-ID is not an event id of this server");
    }

    /** 400: {@code lastEventId} names a real stream but an event that stream never issued. */
    public static void lastEventIdNotIssued(HttpServletRequest req, HttpServletResponse resp, EventId lastEventId)
            throws IOException {
        error(req, resp, HttpServletResponse.SC_BAD_REQUEST, JsonValue.NULL, ErrorCodes.INVALID_REQUEST,
                "Bad Request: Last-Event-ID " + lastEventId + " is beyond the events this stream issued");
    }

    public static void json(HttpServletResponse resp, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setContentType(McpHeaders.JSON);
        resp.setCharacterEncoding("UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    public static void accepted(HttpServletResponse resp) {
        resp.setStatus(HttpServletResponse.SC_ACCEPTED);
        resp.setContentLength(0);
    }
}
