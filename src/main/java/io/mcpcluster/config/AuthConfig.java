package io.mcpcluster.config;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call: the OAuth 2.1 resource server settings ({@code mcp.auth.*}), read like {@link McpConfig}.
 * Off by default (a local embedded node); {@code bearer} validates a JWT on every request of every node;
 * {@code container} takes the principal the servlet container authenticated (e.g. WildFly's Elytron).
 *
 * @param mode             {@code off}, {@code bearer} or {@code container}
 * @param resource         the canonical public URL of the MCP endpoint (RFC 8707), e.g.
 *                         {@code https://mcp.example.com/mcp}: the audience a token must name, and the
 *                         {@code resource} of the protected resource metadata
 * @param jwksByIssuer     each accepted issuer ({@code iss}, compared exactly) with the URL of its JWKS
 * @param requiredScopes   scopes every request needs
 * @param clockSkewSeconds tolerance on {@code exp} and {@code nbf}
 * @param jwksRefreshMinMillis at most one JWKS fetch per issuer per this interval (an unknown {@code kid}
 *                         triggers one)
 * @param jwksTtlSeconds   how long fetched keys are used before they are fetched again
 */
public record AuthConfig(Mode mode, String resource, Map<String, String> jwksByIssuer, Set<String> requiredScopes,
                         long clockSkewSeconds, long jwksRefreshMinMillis, long jwksTtlSeconds) {

    public enum Mode { OFF, BEARER, CONTAINER }

    public AuthConfig {
        jwksByIssuer = Map.copyOf(jwksByIssuer);
        requiredScopes = Set.copyOf(requiredScopes);
        if (mode == Mode.BEARER && (resource.isEmpty() || jwksByIssuer.isEmpty())) {
            throw new IllegalArgumentException("mcp.auth.mode=bearer needs mcp.auth.resource, mcp.auth.issuers "
                    + "and mcp.auth.jwks.urls");
        }
    }

    public static AuthConfig fromEnvironment() {
        List<String> issuers = list(McpConfig.get("mcp.auth.issuers", ""));
        List<String> jwks = list(McpConfig.get("mcp.auth.jwks.urls", ""));
        if (issuers.size() != jwks.size()) {
            throw new IllegalArgumentException("mcp.auth.jwks.urls must name one JWKS URL per issuer of "
                    + "mcp.auth.issuers, in the same order");
        }
        Map<String, String> byIssuer = new LinkedHashMap<>();
        for (int i = 0; i < issuers.size(); i++) {
            byIssuer.put(issuers.get(i), jwks.get(i));
        }
        return new AuthConfig(Mode.valueOf(McpConfig.get("mcp.auth.mode", "off").toUpperCase(Locale.ROOT)),
                McpConfig.get("mcp.auth.resource", ""), byIssuer,
                Set.copyOf(list(McpConfig.get("mcp.auth.scopes", ""))),
                Long.parseLong(McpConfig.get("mcp.auth.clock.skew.seconds", "30")),
                Long.parseLong(McpConfig.get("mcp.auth.jwks.refresh.min.millis", "30000")),
                Long.parseLong(McpConfig.get("mcp.auth.jwks.ttl.seconds", "300")));
    }

    public static AuthConfig off() {
        return new AuthConfig(Mode.OFF, "", Map.of(), Set.of(), 0, 0, 0);
    }

    public boolean enabled() {
        return mode != Mode.OFF;
    }

    /**
     * Where the protected resource metadata of {@link #resource} is (RFC 9728 section 3.1): the
     * well-known path inserted between the host and the resource's path.
     */
    public String resourceMetadataUrl() {
        URI r = URI.create(resource);
        String path = r.getRawPath() == null || "/".equals(r.getRawPath()) ? "" : r.getRawPath();
        return r.getScheme() + "://" + r.getRawAuthority() + "/.well-known/oauth-protected-resource" + path;
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }
}
