package io.mcpcluster.transport;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding protection (MCP transports, "Security Warning"): a request is served only when its
 * Host names this server and its Origin, if any, is trusted. Loopback names are always allowed; more
 * come from configuration, where {@code *} allows everything.
 */
public final class OriginCheck {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> allowedHosts;
    private final Set<String> allowedOrigins;

    public OriginCheck(Set<String> allowedHosts, Set<String> allowedOrigins) {
        this.allowedHosts = lower(allowedHosts);
        this.allowedOrigins = lower(allowedOrigins);
    }

    /** {@code host} is the Host header (with or without port); null (HTTP/1.0) is refused. */
    public boolean hostAllowed(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = hostName(host.trim().toLowerCase(Locale.ROOT));
        return allowedHosts.contains("*") || LOOPBACK.contains(name) || allowedHosts.contains(name);
    }

    /** {@code origin} is the Origin header; absent (non-browser clients) is allowed. */
    public boolean originAllowed(String origin) {
        if (origin == null) {
            return true;
        }
        String o = origin.trim().toLowerCase(Locale.ROOT);
        if (allowedOrigins.contains("*") || allowedOrigins.contains(o)) {
            return true;
        }
        try {
            URI uri = URI.create(o);
            String host = uri.getHost();
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && host != null
                    && LOOPBACK.contains(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String hostName(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }
}
