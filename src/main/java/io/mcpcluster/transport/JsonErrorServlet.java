package io.mcpcluster.transport;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.ErrorIds;
import io.mcpcluster.protocol.JsonRpc;
import jakarta.json.JsonValue;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a client sees when no MCP servlet answers: every path nothing else serves (404, so the container
 * lists no directory and serves no file) and the container's error page (web.xml {@code <error-page>}: a
 * request the container refused, or an exception that escaped a servlet). Always a JSON-RPC error
 * object, never a stack trace or an exception's name: an exception is logged with an error id, and only
 * the id is told.
 */
public class JsonErrorServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(JsonErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : HttpServletResponse.SC_NOT_FOUND;
        String message = status >= 500 ? "Internal error" : status == 404 ? "Not found" : "Bad request";
        if (req.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            String errorId = ErrorIds.next();
            LOG.log(Level.WARNING, req.getMethod() + " " + req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)
                    + " failed [error id " + errorId + "]", t);
            message += " (error id " + errorId + ")";
        }
        if (resp.isCommitted()) {
            return;
        }
        resp.resetBuffer();
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        int rpcCode = status >= 500 ? ErrorCodes.INTERNAL_ERROR : ErrorCodes.INVALID_REQUEST;
        HttpReplies.json(resp, JsonRpc.write(JsonRpc.error(JsonValue.NULL, rpcCode, message, null)));
    }
}
