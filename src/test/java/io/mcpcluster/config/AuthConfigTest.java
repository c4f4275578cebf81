package io.mcpcluster.config;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuthConfigTest {

    @Test
    void theMetadataUrlInsertsTheWellKnownPathBeforeTheResourcePath() {
        assertEquals("https://mcp.example.com:8443/.well-known/oauth-protected-resource/tenant/mcp",
                bearer("https://mcp.example.com:8443/tenant/mcp").resourceMetadataUrl());
        assertEquals("https://mcp.example.com/.well-known/oauth-protected-resource",
                bearer("https://mcp.example.com").resourceMetadataUrl());
    }

    @Test
    void bearerModeNeedsAResourceAndAnIssuerAndIsOffByDefault() {
        assertThrows(IllegalArgumentException.class, () -> new AuthConfig(AuthConfig.Mode.BEARER, "", Map.of("i", "j"),
                Set.of(), 30, 1000, 300));
        assertThrows(IllegalArgumentException.class, () -> new AuthConfig(AuthConfig.Mode.BEARER, "https://r/mcp",
                Map.of(), Set.of(), 30, 1000, 300));
        assertFalse(AuthConfig.fromEnvironment().enabled());
    }

    private static AuthConfig bearer(String resource) {
        return new AuthConfig(AuthConfig.Mode.BEARER, resource, Map.of("https://issuer", "https://issuer/jwks"),
                Set.of(), 30, 1000, 300);
    }
}
