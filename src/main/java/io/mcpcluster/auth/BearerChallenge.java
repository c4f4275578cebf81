package io.mcpcluster.auth;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * {@code WWW-Authenticate} values of the MCP authorization spec (RFC 6750 section 3, RFC 9728 section 5.1):
 * <pre>
 * Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", scope="mcp:tools"
 * Bearer error="invalid_token", resource_metadata="…", scope="…"
 * Bearer error="insufficient_scope", resource_metadata="…", scope="mcp:tools notes:write"
 * </pre>
 */
public final class BearerChallenge {
    private BearerChallenge() {
    }

    /** No token, or one that is not accepted ({@code error} null for the first). */
    public static String unauthorized(String error, String resourceMetadataUrl, Collection<String> scopes) {
        StringBuilder b = new StringBuilder("Bearer ");
        if (error != null) {
            b.append("error=\"").append(error).append("\", ");
        }
        b.append("resource_metadata=\"").append(resourceMetadataUrl).append('"');
        if (!scopes.isEmpty()) {
            b.append(", scope=\"").append(join(scopes)).append('"');
        }
        return b.toString();
    }

    /** A valid token without every scope the request needs: {@code scopes} names all of them. */
    public static String insufficientScope(String resourceMetadataUrl, Collection<String> scopes) {
        return unauthorized("insufficient_scope", resourceMetadataUrl, scopes);
    }

    private static String join(Collection<String> scopes) {
        // Scope tokens cannot hold a quote or a backslash (RFC 6749 section 3.3); drop any that would.
        return scopes.stream().filter(s -> s.indexOf('"') < 0 && s.indexOf('\\') < 0).sorted()
                .collect(Collectors.joining(" "));
    }
}
