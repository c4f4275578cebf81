package io.mcpcluster.transport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;

/**
 * A request whose bearer token was validated: it names the token's principal and hides the token, so that
 * no servlet, tool or log line downstream can read or pass it on.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {
    private static final String AUTHORIZATION = "Authorization";
    private final Principal principal;
    private final Set<String> scopes;

    AuthenticatedRequest(HttpServletRequest req, Principal principal, Set<String> scopes) {
        super(req);
        this.principal = principal;
        this.scopes = scopes;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public String getAuthType() {
        return "Bearer";
    }

    @Override
    public boolean isUserInRole(String role) {
        return scopes.contains(role);
    }

    @Override
    public String getHeader(String name) {
        return AUTHORIZATION.equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return AUTHORIZATION.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                .filter(h -> !AUTHORIZATION.equalsIgnoreCase(h)).toList());
    }
}
