package io.mcpcluster.transport;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.config.AuthConfig;
import io.mcpcluster.config.McpConfig;
import io.mcpcluster.dispatch.FeatureRegistry;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonValue;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The checks every MCP endpoint shares, before any servlet runs: Host and Origin (403), and a declared
 * body size over the limit (413), then who calls ({@link Authorization}: 401, 403). Adds
 * {@code X-Content-Type-Options: nosniff} to every answer.
 */
public class McpSecurityFilter extends HttpFilter {
    private OriginCheck originCheck;
    private long maxBodyBytes;
    private Authorization authorization;

    @Override
    public void init() {
        McpConfig config = CDI.current().select(McpConfig.class).get();
        originCheck = new OriginCheck(config.allowedHosts(), config.allowedOrigins());
        maxBodyBytes = config.maxBodyBytes();
        authorization = new Authorization(CDI.current().select(AuthConfig.class).get(),
                CDI.current().select(FeatureRegistry.class).get().scopes());
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (!originCheck.hostAllowed(req.getHeader("Host"))) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_FORBIDDEN, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                    "Forbidden: Host header not allowed");
            return;
        }
        if (!originCheck.originAllowed(req.getHeader("Origin"))) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_FORBIDDEN, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                    "Forbidden: Origin not allowed");
            return;
        }
        if (req.getContentLengthLong() > maxBodyBytes) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, JsonValue.NULL,
                    ErrorCodes.INVALID_REQUEST, "Request body larger than " + maxBodyBytes + " bytes");
            return;
        }
        HttpServletRequest authorized = authorization.authenticate(req, resp);
        if (authorized != null) {
            chain.doFilter(authorized, resp);
        }
    }
}
