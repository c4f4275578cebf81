package io.mcpcluster.config;

/**
 * Where a clustered node finds the key material of the cluster bus ({@code mcp.cluster.keystore},
 * {@code mcp.cluster.keystore.password}, {@code mcp.cluster.truststore},
 * {@code mcp.cluster.truststore.password}), or the operator's word that the network is trusted
 * ({@code mcp.cluster.trusted.network=true}: no TLS on the bus).
 */
public record ClusterKeys(String keystore, String keystorePassword, String truststore, String truststorePassword,
                          boolean trustedNetwork) {

    @Override
    public String toString() {
        // Never the passwords, should this be logged.
        return "ClusterKeys[keystore=" + keystore + ", truststore=" + truststore + ", trustedNetwork=" + trustedNetwork + "]";
    }
}
