package io.mcpcluster.transport;

import io.mcpcluster.auth.BearerChallenge;
import io.mcpcluster.auth.BearerValidator;
import io.mcpcluster.auth.InvalidBearerException;
import io.mcpcluster.auth.TokenPrincipal;
import io.mcpcluster.config.AuthConfig;
import io.mcpcluster.dispatch.FeatureScopes;
import io.mcpcluster.protocol.ErrorCodes;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Who calls, and whether they may ({@code mcp.auth.mode}). In {@code bearer} mode every request of every
 * node carries a JWT that {@link BearerValidator} accepts, else {@code 401} with a challenge that points
 * at the protected resource metadata; in {@code container} mode the container's principal and roles stand
 * in for the token's subject and scopes. The servlets then see only a {@link Principal} and the granted
 * scopes ({@link #grantedScopes}), and {@link ScopeCheck} refuses a feature whose scopes are not all granted.
 */
public final class Authorization {
    private static final Logger LOG = Logger.getLogger(Authorization.class.getName());
    private static final String GRANTED_SCOPES = Authorization.class.getName() + ".granted";

    private final AuthConfig config;
    private final BearerValidator validator;
    private final FeatureScopes features;
    private final ScopeCheck scopeCheck;

    Authorization(AuthConfig config, FeatureScopes features) {
        this.config = config;
        this.features = features;
        this.scopeCheck = new ScopeCheck(config, features);
        this.validator = config.mode() == AuthConfig.Mode.BEARER ? new BearerValidator(config) : null;
    }

    /**
     * The scopes the request's token grants (its roles among the features' scopes, in container mode);
     * null when authorization is off: nothing is restricted.
     */
    @SuppressWarnings("unchecked")
    public static Set<String> grantedScopes(HttpServletRequest req) {
        return (Set<String>) req.getAttribute(GRANTED_SCOPES);
    }

    /** The request as the servlets see it, or null once a refusal (401, 403) is sent. */
    HttpServletRequest authenticate(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        switch (config.mode()) {
            case OFF -> {
                return req;
            }
            case CONTAINER -> {
                Principal p = req.getUserPrincipal();
                if (p == null) {
                    HttpReplies.error(req, resp, HttpServletResponse.SC_UNAUTHORIZED, JsonValue.NULL,
                            ErrorCodes.SERVER_ERROR, "Unauthorized: the container authenticated no principal");
                    return null;
                }
                Set<String> roles = new TreeSet<>(features.all());
                roles.addAll(config.requiredScopes());
                roles.removeIf(r -> !req.isUserInRole(r));
                return granted(req, resp, req, roles);
            }
            default -> {
                TokenPrincipal p = validBearer(req, resp);
                return p == null ? null : granted(req, resp, new AuthenticatedRequest(req, p, p.scopes()), p.scopes());
            }
        }
    }

    private HttpServletRequest granted(HttpServletRequest original, HttpServletResponse resp,
                                       HttpServletRequest authorized, Set<String> scopes) throws IOException {
        if (!scopes.containsAll(config.requiredScopes())) {
            scopeCheck.forbid(original, resp, config.requiredScopes());
            return null;
        }
        authorized.setAttribute(GRANTED_SCOPES, Set.copyOf(scopes));
        return authorized;
    }

    private TokenPrincipal validBearer(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            challenge(req, resp, null, "Unauthorized: a bearer token is required");
            return null;
        }
        try {
            return validator.validate(header.substring(7).trim());
        } catch (InvalidBearerException e) {
            LOG.info(() -> "Bearer token refused: " + e.getMessage());
            challenge(req, resp, "invalid_token", "Unauthorized: the bearer token is not accepted");
            return null;
        }
    }

    private void challenge(HttpServletRequest req, HttpServletResponse resp, String error, String message)
            throws IOException {
        resp.setHeader("WWW-Authenticate", BearerChallenge.unauthorized(error, config.resourceMetadataUrl(),
                config.requiredScopes()));
        HttpReplies.error(req, resp, HttpServletResponse.SC_UNAUTHORIZED, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                message);
    }
}
