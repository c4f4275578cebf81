package io.mcpcluster.auth;

import java.security.Principal;
import java.util.Set;

/**
 * The caller a validated bearer token names: its issuer and subject, and the scopes it grants. Never
 * the token itself, so that nothing downstream can pass it on.
 */
public record TokenPrincipal(String issuer, String subject, Set<String> scopes) implements Principal {

    public TokenPrincipal {
        scopes = Set.copyOf(scopes);
    }

    /**
     * {@code <issuer>#<subject>}: what sessions, {@code requestState} and tasks are bound to. Unambiguous,
     * since an issuer identifier has no fragment (RFC 8414 section 2), and a subject is unique only
     * within its issuer.
     */
    @Override
    public String getName() {
        return issuer + "#" + subject;
    }

    @Override
    public String toString() {
        return getName();
    }
}
