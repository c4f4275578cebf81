package io.mcpcluster.transport.console;

import io.mcpcluster.auth.BearerValidator;
import io.mcpcluster.auth.InvalidBearerException;
import io.mcpcluster.auth.TokenPrincipal;
import io.mcpcluster.config.AuthConfig;
import io.mcpcluster.config.ConsoleSettings;
import io.mcpcluster.config.ExecutionLimits;
import io.mcpcluster.config.McpConfig;
import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.transport.HealthServlet;
import io.mcpcluster.transport.HttpReplies;
import io.mcpcluster.transport.OriginCheck;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Who may read the console's data: a caller with the health token ({@code X-Health-Token}, as for the
 * details of {@code /health}) or, with {@code mcp.auth.mode} on, a principal granted the console scope
 * (a bearer JWT's scope, or a container role). Only in headers: a token in a URL would land in access
 * logs and browser history. The request must also name this server (Host, against DNS rebinding) and,
 * when a browser says where it comes from, come from the console's own page (same origin).
 */
final class OperatorAccess {
    private static final Logger LOG = Logger.getLogger(OperatorAccess.class.getName());

    private final OriginCheck hosts;
    private final byte[] healthToken;
    private final AuthConfig auth;
    private final String scope;
    private final BearerValidator bearer;

    OperatorAccess(OriginCheck hosts, String healthToken, AuthConfig auth, String scope) {
        this.hosts = hosts;
        this.healthToken = healthToken.getBytes(StandardCharsets.UTF_8);
        this.auth = auth;
        this.scope = scope;
        this.bearer = auth.mode() == AuthConfig.Mode.BEARER ? new BearerValidator(auth) : null;
    }

    /** As the node's settings say. */
    static OperatorAccess fromSettings() {
        McpConfig config = CDI.current().select(McpConfig.class).get();
        return new OperatorAccess(new OriginCheck(config.allowedHosts(), config.allowedOrigins()),
                CDI.current().select(ExecutionLimits.class).get().healthToken(),
                CDI.current().select(AuthConfig.class).get(),
                CDI.current().select(ConsoleSettings.class).get().scope());
    }

    /** True when the request may read; otherwise the refusal (400, 401, 403) is sent. */
    boolean allows(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!hosts.hostAllowed(req.getHeader("Host")) || !sameOrigin(req)) {
            refuse(req, resp, HttpServletResponse.SC_FORBIDDEN, "Forbidden: Host or Origin not allowed");
            return false;
        }
        String offered = req.getHeader(HealthServlet.TOKEN_HEADER);
        if (offered != null && healthToken.length > 0
                && MessageDigest.isEqual(healthToken, offered.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        return switch (auth.mode()) {
            case BEARER -> bearerAllows(req, resp);
            case CONTAINER -> roleAllows(req, resp);
            case OFF -> refuse(req, resp, HttpServletResponse.SC_UNAUTHORIZED,
                    "Unauthorized: the console needs the health token (X-Health-Token)");
        };
    }

    private boolean bearerAllows(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refuse(req, resp, HttpServletResponse.SC_UNAUTHORIZED,
                    "Unauthorized: the console needs a bearer token or the health token");
        }
        TokenPrincipal principal;
        try {
            principal = bearer.validate(header.substring(7).trim());
        } catch (InvalidBearerException e) {
            LOG.info(() -> "Console: bearer token refused: " + e.getMessage());
            return refuse(req, resp, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized: the bearer token is not accepted");
        }
        return principal.scopes().contains(scope) || refuse(req, resp, HttpServletResponse.SC_FORBIDDEN,
                "Forbidden: the console needs the scope " + scope);
    }

    private boolean roleAllows(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getUserPrincipal() == null) {
            return refuse(req, resp, HttpServletResponse.SC_UNAUTHORIZED,
                    "Unauthorized: the container authenticated no principal");
        }
        return req.isUserInRole(scope) || refuse(req, resp, HttpServletResponse.SC_FORBIDDEN,
                "Forbidden: the console needs the role " + scope);
    }

    /**
     * A browser's Origin, when sent, is the console's own: its authority is this request's Host (the
     * scheme is not compared: behind a proxy that ends TLS the node sees http).
     */
    private static boolean sameOrigin(HttpServletRequest req) {
        String origin = req.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            String authority = URI.create(origin.trim()).getRawAuthority();
            return authority != null && authority.toLowerCase(Locale.ROOT)
                    .equals(String.valueOf(req.getHeader("Host")).trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean refuse(HttpServletRequest req, HttpServletResponse resp, int status, String message)
            throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        HttpReplies.error(req, resp, status, JsonValue.NULL, ErrorCodes.SERVER_ERROR, message);
        return false;
    }
}
