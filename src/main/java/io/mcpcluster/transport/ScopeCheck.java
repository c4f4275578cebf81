package io.mcpcluster.transport;

import io.mcpcluster.auth.BearerChallenge;
import io.mcpcluster.config.AuthConfig;
import io.mcpcluster.dispatch.FeatureScopes;
import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpcMessage;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code 403} for a POST whose requests name a feature ({@code @RequiresScopes}) the caller lacks a scope
 * for, before anything runs, with one challenge naming every scope needed (the required ones and the
 * features'), so that the client asks for them all at once:
 * {@code WWW-Authenticate: Bearer error="insufficient_scope", resource_metadata="…", scope="mcp notes:write"}.
 */
public final class ScopeCheck {
    private final AuthConfig config;
    private final FeatureScopes features;

    public ScopeCheck(AuthConfig config, FeatureScopes features) {
        this.config = config;
        this.features = features;
    }

    /** True once {@code 403} is sent; false when the caller may go on (always, with authorization off). */
    public boolean refused(HttpServletRequest req, HttpServletResponse resp, List<JsonRpcMessage> messages)
            throws IOException {
        Set<String> granted = Authorization.grantedScopes(req);
        if (granted == null) {
            return false;
        }
        Set<String> needed = features.neededBy(messages);
        if (granted.containsAll(needed)) {
            return false;
        }
        Set<String> all = new TreeSet<>(config.requiredScopes());
        all.addAll(needed);
        forbid(req, resp, all);
        return true;
    }

    void forbid(HttpServletRequest req, HttpServletResponse resp, Collection<String> scopes) throws IOException {
        if (config.mode() == AuthConfig.Mode.BEARER) {
            resp.setHeader("WWW-Authenticate", BearerChallenge.insufficientScope(config.resourceMetadataUrl(), scopes));
        }
        HttpReplies.error(req, resp, HttpServletResponse.SC_FORBIDDEN, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                "Forbidden: insufficient scope; needed: " + String.join(" ", new TreeSet<>(scopes)));
    }
}
