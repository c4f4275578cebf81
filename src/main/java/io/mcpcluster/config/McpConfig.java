package io.mcpcluster.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings, read once from system properties ({@code -Dmcp.x.y=…}) or environment variables
 * ({@code MCP_X_Y=…}), system properties first. Every setting has a default that runs one node.
 *
 * @param allowedOrigins   Origins accepted besides loopback ones; {@code *} accepts every Origin
 * @param allowedHosts     Host header names accepted besides loopback ones; {@code *} accepts every Host
 * @param features         the {@code @OptionalFeature} sets to enable, e.g. {@code demo}, {@code conformance}; none by default
 * @param infinispanConfig an infinispan.xml file; empty uses the built-in local (one node) configuration
 * @param legacyGraceMillis how long a legacy session whose stream lost its connection waits for its
 *                          client to come back before its POSTs are answered 404
 * @param legacyRelinkMillis how long a legacy stream opened by a client that reconnects without
 *                           {@code Last-Event-ID} waits for it to prove which session it had; 0 turns
 *                           relinking and adoption off
 */
public record McpConfig(Set<String> allowedOrigins, Set<String> allowedHosts, long maxBodyBytes,
                        long keepAliveMillis, long sessionIdleSeconds, long clientRequestTimeoutMillis,
                        int workerThreads, int pageSize, Set<String> features, String infinispanConfig,
                        String nodeName, long eventRetentionMillis, int eventRetentionCount, long gapTimeoutMillis,
                        long sseRetryMillis, String serverName, String serverVersion, long legacyGraceMillis,
                        long legacyRelinkMillis) {

    public static McpConfig fromEnvironment() {
        return new McpConfig(
                csv(get("mcp.allowed.origins", "")),
                csv(get("mcp.allowed.hosts", "")),
                Long.parseLong(get("mcp.max.body.bytes", String.valueOf(4L * 1024 * 1024))),
                Long.parseLong(get("mcp.sse.keepalive.millis", "15000")),
                Long.parseLong(get("mcp.session.idle.seconds", "1800")),
                Long.parseLong(get("mcp.client.request.timeout.millis", "60000")),
                Integer.parseInt(get("mcp.worker.threads", "64")),
                Integer.parseInt(get("mcp.page.size", "100")),
                csv(get("mcp.features", "")),
                get("mcp.infinispan.config", ""),
                get("mcp.node.name", ""),
                Long.parseLong(get("mcp.event.retention.millis", "600000")),
                Integer.parseInt(get("mcp.event.retention.count", "1000")),
                Long.parseLong(get("mcp.sse.gap.timeout.millis", "500")),
                Long.parseLong(get("mcp.sse.retry.millis", "1000")),
                get("mcp.server.name", "mcp-cluster"),
                get("mcp.server.version", "0.1.0"),
                Long.parseLong(get("mcp.legacy.grace.millis", "10000")),
                Long.parseLong(get("mcp.legacy.relink.millis", "2000")));
    }

    /** Base64 AES key sealing MRTR requestState on every node; empty: one generated and kept in the cluster. */
    public String requestStateKey() {
        return get("mcp.request.state.key", "");
    }

    /** Several requestState keys, {@code id:base64} separated by commas, the first one current; empty: none. */
    public String requestStateKeys() {
        return get("mcp.request.state.keys", "");
    }

    /** A file of requestState keys (one {@code id:base64} a line, the first current), re-read when it changes. */
    public String requestStateKeysFile() {
        return get("mcp.request.state.keys.file", "");
    }

    /** {@code ttlMs} of 2026-07-28 list and read results whose features set no {@code @CacheHint}. */
    public long cacheTtlMillis() {
        return Long.parseLong(get("mcp.cache.ttl.millis", "0"));
    }

    /** {@code cacheScope} ({@code public} or {@code private}) of results whose features set no {@code @CacheHint}. */
    public String cacheScope() {
        String scope = get("mcp.cache.scope", "private").toLowerCase(Locale.ROOT);
        if (!scope.equals("public") && !scope.equals("private")) {
            throw new IllegalArgumentException("mcp.cache.scope must be public or private, not " + scope);
        }
        return scope;
    }

    /**
     * The cluster bus's key material (JGroups over mutual TLS; read only by a clustered node): a PKCS12
     * key store with this node's key and certificate, and the trust store of the certificates members
     * must present (default: the key store itself).
     */
    public ClusterKeys clusterKeys() {
        String keystore = get("mcp.cluster.keystore", "");
        String password = get("mcp.cluster.keystore.password", "");
        return new ClusterKeys(keystore, password, get("mcp.cluster.truststore", keystore),
                get("mcp.cluster.truststore.password", password),
                Boolean.parseBoolean(get("mcp.cluster.trusted.network", "false")));
    }

    /** Count this node's cache operations (Infinispan statistics of its caches) and show them in /health. */
    public boolean cacheStatistics() {
        return Boolean.parseBoolean(get("mcp.infinispan.statistics", "false"));
    }

    public boolean featureEnabled(String feature) {
        return features.contains(feature);
    }

    /** {@code mcp.a.b} is read as the system property, else the variable {@code MCP_A_B}. */
    static String get(String key, String defaultValue) {
        String v = System.getProperty(key);
        if (v == null) {
            v = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return v == null ? defaultValue : v.trim();
    }

    private static Set<String> csv(String value) {
        List<String> parts = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return parts.stream().collect(Collectors.toUnmodifiableSet());
    }
}
