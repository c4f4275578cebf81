package io.mcpcluster.it.cluster;

import io.mcpcluster.it.support.BusKeys;
import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.LocalCluster;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import io.mcpcluster.it.support.TcpRelay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster bus is authenticated and encrypted (mutual TLS on JGroups' TCP transport): a node with
 * another key store stays out and is named in a log line while the cluster serves on; a node with no
 * key material does not start; and the bytes between two nodes, seen through a relay, hold neither a
 * session id nor a tool's argument, which they do hold when the network is declared trusted.
 */
class BusSecurityIT {
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @Test
    @Timeout(420)
    void aNodeWithAnotherKeyStoreCannotJoinAndTheClusterServesOn() {
        try (LocalCluster cluster = LocalCluster.start("bus", 2, 3, Map.of())) {
            McpHttpSession before = McpHttpSession.initialize(cluster.node(0).port(), "2025-06-18");
            Path otherKeys = BusKeys.generate("outsider-" + UUID.randomUUID().toString().substring(0, 8));
            String subject = "CN=" + otherKeys.getFileName().toString().replace(".p12", "");
            try (NodeProcess outsider = cluster.outsider(BusKeys.properties(otherKeys))) {
                await(120, () -> log(outsider).contains("Refused a cluster peer"), "the outsider's refusal line");
                await(120, () -> log(cluster.node(0)).contains(subject) || log(cluster.node(1)).contains(subject),
                        "a member's line naming the outsider's certificate " + subject);
                assertTrue(log(cluster.node(0)).contains("Refused a cluster peer") || log(cluster.node(1))
                        .contains("Refused a cluster peer"));
                assertEquals(List.of(outsider.name()), members(outsider));
                for (int i = 0; i < 2; i++) {
                    assertEquals(2, members(cluster.node(i)).size(), members(cluster.node(i)).toString());
                    assertFalse(members(cluster.node(i)).contains(outsider.name()));
                }
                // The session made before the outsider came is served by the other member, and a new one through the balancer.
                RawHttp.Response r = RawHttp.send(cluster.node(1).port(), "POST", "/mcp", before.headers(), textStats("still here"));
                assertEquals(200, r.status(), r.body());
                McpHttpSession after = McpHttpSession.initialize(cluster.balancer().port(), "2025-06-18");
                assertTrue(after.answersPing());
            }
        }
    }

    @Test
    @Timeout(240)
    void aClusteredNodeWithoutKeyMaterialRefusesToStart() {
        Map<String, String> p = new HashMap<>();
        p.put("mcp.infinispan.config", "webapp-config/infinispan.xml");
        p.put("mcp.jgroups.bind.port", String.valueOf(NodeProcess.freePort()));
        p.put("mcp.cluster.name", "bus-nokeys-" + UUID.randomUUID());
        p.put("mcp.cluster.keystore", "");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NodeProcess.start("bus-nokeys", p).close());
        assertTrue(e.getMessage().contains("Refusing to start a clustered node: no key material for the cluster bus"),
                e.getMessage());
    }

    @Test
    @Timeout(420)
    void theBytesBetweenNodesCarryNoSessionIdNorToolArgument() {
        Relayed run = relayedRun(false);
        assertTrue(run.bytes.length() > 10_000, "the relays carried the bus: " + run.bytes.length() + " bytes");
        assertFalse(run.bytes.contains(run.sessionId), "session id in clear on the bus");
        assertFalse(run.bytes.contains(run.canary), "tool argument in clear on the bus");
    }

    /** The guard: the same check finds both in clear when TLS is off, so the test above can fail. */
    @Test
    @Timeout(420)
    void withoutTlsTheSameCheckFindsThemInClear() {
        Relayed run = relayedRun(true);
        assertTrue(run.bytes.contains(run.sessionId), "the session id crosses the bus");
        assertTrue(run.bytes.contains(run.canary), "the tool's argument crosses the bus");
    }

    private record Relayed(String bytes, String sessionId, String canary) {
    }

    /**
     * Two nodes that advertise the ports of two relays (JGroups' external_port) instead of their own,
     * so that every connection between them runs through a relay. A legacy SSE stream on node a gets the
     * answer of a call POSTed to node b: the session and the answer (holding the argument) cross the bus.
     */
    private static Relayed relayedRun(boolean trustedNetwork) {
        int portA = NodeProcess.freePort();
        int portB = NodeProcess.freePort();
        String canary = "canary" + UUID.randomUUID().toString().replace("-", "");
        try (TcpRelay relayA = TcpRelay.start(NodeProcess.freePort(), portA);
             TcpRelay relayB = TcpRelay.start(NodeProcess.freePort(), portB)) {
            Map<String, String> common = new HashMap<>();
            common.put("mcp.infinispan.config", relayedConfig().toString());
            common.put("mcp.cluster.name", "bus-relay-" + portA);
            common.put("mcp.jgroups.initial.hosts", "127.0.0.1[" + relayA.port() + "],127.0.0.1[" + relayB.port() + "]");
            if (trustedNetwork) {
                common.put("mcp.cluster.trusted.network", "true");
            }
            // One after the other: b joins a's cluster (two started together may first form two, then merge).
            try (NodeProcess nodeA = node("bus-relay-a", common, portA, relayA);
                 NodeProcess nodeB = node("bus-relay-b", common, portB, relayB)) {
                await(120, () -> members(nodeA).size() == 2 && members(nodeB).size() == 2, "one cluster of two");
                try (EventStream stream = RawHttp.open(nodeA.port(), "GET", "/sse", Map.of("Accept", "text/event-stream"), null)) {
                    String endpoint = stream.nextFrame(10_000).split("data: ")[1].trim();
                    String sessionId = endpoint.substring(endpoint.indexOf("sessionId=") + "sessionId=".length());
                    assertEquals(202, RawHttp.send(nodeB.port(), "POST", endpoint, JSON, "{\"jsonrpc\":\"2.0\",\"id\":1,"
                            + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
                            + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}").status());
                    assertEquals(1, McpHttpSession.parse(stream.nextData(30_000)).getInt("id"));
                    assertEquals(202, RawHttp.send(nodeB.port(), "POST", endpoint, JSON, textStats(canary)).status());
                    String answer = stream.nextData(30_000);
                    assertTrue(answer.contains(canary), answer);
                    return new Relayed(relayA.seen() + relayB.seen(), sessionId, canary);
                }
            }
        }
    }

    private static NodeProcess node(String name, Map<String, String> common, int port, TcpRelay relay) {
        Map<String, String> p = new HashMap<>(common);
        p.put("mcp.jgroups.bind.port", String.valueOf(port));
        p.put("mcp.test.external.port", String.valueOf(relay.port()));
        p.put("mcp.node.name", name);
        return NodeProcess.start(name, p);
    }

    /**
     * webapp-config/infinispan.xml, with the transport advertising the relay's port, and without FD_SOCK2,
     * whose port is derived from the advertised one (failure detection falls back to FD_ALL3).
     */
    private static Path relayedConfig() {
        try {
            Path root = NodeProcess.root();
            String xml = Files.readString(root.resolve("webapp-config/infinispan.xml"))
                    .replace("<TCP bind_addr=", "<TCP external_addr=\"127.0.0.1\" external_port=\"${mcp.test.external.port}\" bind_addr=")
                    .replaceAll("<FD_SOCK2 [^>]*/>", "<FD_SOCK2 stack.combine=\"REMOVE\"/>");
            assertTrue(xml.contains("external_port") && xml.contains("REMOVE"), "the shipped file changed shape");
            Path file = root.resolve("target/it-bus/infinispan-relayed.xml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, xml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String textStats(String text) {
        return "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"text_stats\","
                + "\"arguments\":{\"text\":\"" + text + "\"}}}";
    }

    private static List<String> members(NodeProcess node) {
        RawHttp.Response r = RawHttp.send(node.port(), "GET", "/health",
                Map.of("X-Health-Token", NodeProcess.HEALTH_TOKEN), null);
        if (r.status() != 200) {
            return List.of();
        }
        return McpHttpSession.parse(r.body()).getJsonArray("members").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList();
    }

    private static String log(NodeProcess node) {
        try {
            return Files.readString(node.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(long seconds, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen in " + seconds + " s: " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
