package io.mcpcluster.transport;

import io.mcpcluster.protocol.ErrorCodes;
import jakarta.json.JsonValue;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;

/**
 * An HTTP method no servlet knows ({@code PATCH}, {@code PROPFIND}, made-up tokens) is a client error here:
 * 405 with a JSON-RPC error. The servlet default, 501, is a 5xx, which a monitor counts against the server.
 */
public class KnownMethodsFilter extends HttpFilter {
    private static final Set<String> KNOWN = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (KNOWN.contains(req.getMethod())) {
            chain.doFilter(req, resp);
            return;
        }
        resp.setHeader("Allow", "GET, POST, DELETE, OPTIONS");
        HttpReplies.error(req, resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                "Method Not Allowed");
    }
}
