package io.mcpcluster.it.cluster;

import io.mcpcluster.it.support.LoopbackDns;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * webapp-config/infinispan-kubernetes.xml for real, minus Kubernetes: two nodes bound to two
 * loopback addresses (127.0.0.1 and 127.0.0.2, like two pod IPs, the same JGroups port) find each
 * other with DNS_PING through a DNS that answers the headless service's name with both addresses.
 */
class KubernetesDiscoveryIT {
    private static final String SERVICE = "mcp-cluster-jgroups.mcp.svc.cluster.local";

    @Test
    void podsFoundThroughTheHeadlessServiceNameFormOneClusterAndShareSessions() throws IOException {
        int jgroupsPort = portFreeOnBothAddresses();
        try (LoopbackDns dns = LoopbackDns.start(SERVICE, "127.0.0.1", "127.0.0.2");
             NodeProcess a = NodeProcess.start("k8s-a", pod(dns, jgroupsPort, "127.0.0.1", "pod-a"));
             NodeProcess b = NodeProcess.start("k8s-b", pod(dns, jgroupsPort, "127.0.0.2", "pod-b"))) {
            JsonObject health = McpHttpSession.parse(RawHttp.send(b.port(), "GET", "/health",
                    NodeProcess.HEALTH_DETAILS, null).body());
            assertEquals(2, health.getJsonArray("members").size(), health.toString());
            assertTrue(dns.answered() >= 2, "each pod asked the DNS: " + dns.answered());

            McpHttpSession s = McpHttpSession.initialize(a.port(), "2025-06-18");
            RawHttp.Response r = RawHttp.send(b.port(), "POST", "/mcp", s.headers(), "{\"jsonrpc\":\"2.0\",\"id\":1,"
                    + "\"method\":\"tools/call\",\"params\":{\"name\":\"text_stats\",\"arguments\":{\"text\":\"a b c\"}}}");
            assertEquals(200, r.status(), r.body());
            assertTrue(r.body().contains("\\\"words\\\":3"), r.body());
        }
    }

    private static Map<String, String> pod(LoopbackDns dns, int jgroupsPort, String podIp, String podName) {
        Map<String, String> p = new HashMap<>();
        p.put("mcp.infinispan.config", "webapp-config/infinispan-kubernetes.xml");
        p.put("mcp.jgroups.dns.query", SERVICE);
        p.put("mcp.jgroups.dns.address", "127.0.0.1:" + dns.port());
        p.put("mcp.jgroups.bind.addr", podIp);
        p.put("mcp.jgroups.bind.port", String.valueOf(jgroupsPort));
        p.put("mcp.node.name", podName);
        return p;
    }

    /** Pods share one JGroups port on different IPs; find one free on both loopback addresses. */
    private static int portFreeOnBothAddresses() throws IOException {
        for (int i = 0; i < 50; i++) {
            int port = NodeProcess.freePort();
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.2"))) {
                return port;
            } catch (IOException inUse) {
                // try another
            }
        }
        throw new IOException("no port free on both 127.0.0.1 and 127.0.0.2");
    }
}
