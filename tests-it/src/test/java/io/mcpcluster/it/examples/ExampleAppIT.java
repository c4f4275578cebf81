package io.mcpcluster.it.examples;

import io.mcpcluster.it.arquillian.jetty.JettyHomeConfiguration;
import io.mcpcluster.it.arquillian.jetty.JettyHomeContainer;
import io.mcpcluster.it.support.Directories;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.Nginx;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.RawHttp;
import io.mcpcluster.it.support.WildFlyServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user's own MCP server: examples/ built with Maven against the installed artifacts of this build
 * ({@link ExampleBuild}), its WARs deployed to two clustered Jetty nodes and to a WildFly pair, each
 * pair behind the round-robin nginx, and run through the dev loop ({@code ./dev serve --war}). Before it, the plain WAR of each target, deployed as it is (no
 * {@code mcp.features}), must list no tool, resource, template or prompt: no demo, no fixtures.
 */
class ExampleAppIT {
    /** The example's own features (examples/src/main/java/com/example/shipping). */
    private static final Set<String> EXAMPLE_TOOLS = Set.of("shipping_quote", "delivery_date");
    private static final Set<String> EXAMPLE_RESOURCES = Set.of("shipping://zones");
    private static final Set<String> EXAMPLE_PROMPTS = Set.of("customer_reply");
    private static final int CALLS = 12;
    /** Far from the Arquillian pair's offsets (10000 / 10100), which may run on the same machine. */
    private static final List<Integer> WILDFLY_OFFSETS = List.of(11000, 11100);
    private static final List<Integer> JETTY_HTTP = List.of(NodeProcess.freePort(), NodeProcess.freePort());
    private static final List<Integer> JETTY_JGROUPS = List.of(NodeProcess.freePort(), NodeProcess.freePort());

    static ExampleBuild.Wars wars;

    @BeforeAll
    @Timeout(600)
    static void buildTheExample() {
        wars = ExampleBuild.installArtifactsAndPackage();
    }

    @Test
    @Timeout(300)
    void exampleRunsOnTwoClusteredJettyNodesAndThePlainWarServesNoDemo() throws Exception {
        JettyHomeContainer jetty1 = jetty("jetty1", 0);
        JettyHomeContainer jetty2 = jetty("jetty2", 1);
        try {
            jetty1.start();
            jetty2.start();
            WebArchive plain = asMcpClusterWar(NodeProcess.root().resolve("target/mcp-cluster.war"));
            jetty1.deploy(plain);
            assertListsNothing(JETTY_HTTP.get(0));
            jetty1.undeploy(plain);

            jetty1.deploy(asMcpClusterWar(wars.jetty()));
            jetty2.deploy(asMcpClusterWar(wars.jetty()));
            try (Nginx nginx = Nginx.start(JETTY_HTTP)) {
                assertServesTheExampleFromBothNodes(nginx);
            }
        } finally {
            jetty1.stop();
            jetty2.stop();
        }
    }

    @Test
    @Timeout(600)
    void exampleRunsOnTheWildFlyPairAndThePlainWarServesNoDemo() {
        Path home = Path.of(System.getProperty("mcp.wildfly.home"));
        Path nodes = NodeProcess.root().resolve("target/example-nodes");
        try (WildFlyServer wf1 = WildFlyServer.start(home, nodes.resolve("wf1"), "example-wf1", WILDFLY_OFFSETS.get(0), WILDFLY_OFFSETS);
             WildFlyServer wf2 = WildFlyServer.start(home, nodes.resolve("wf2"), "example-wf2", WILDFLY_OFFSETS.get(1), WILDFLY_OFFSETS)) {
            wf1.deploy(NodeProcess.root().resolve("target/mcp-cluster-wildfly.war"));
            assertListsNothing(wf1.httpPort());

            wf1.deploy(wars.wildfly());
            wf2.deploy(wars.wildfly());
            try (Nginx nginx = Nginx.start(List.of(wf1.httpPort(), wf2.httpPort()))) {
                assertServesTheExampleFromBothNodes(nginx);
            }
        }
    }

    /**
     * The tool author's loop, as the README tells it: {@code ./dev serve --war <project>} on a copy of
     * examples/ (its WAR built above) serves the example's own tools only, and an edit of the project's
     * source is rebuilt with Maven and redeployed by the running command, without a restart: the tool then
     * answers with the edited rate.
     */
    @Test
    @Timeout(420)
    void devServeRunsTheExampleAndRedeploysItsEditedSource() throws Exception {
        Path work = NodeProcess.root().resolve("target/example-devloop");
        Path project = work.resolve("project");
        Directories.freshCopy(NodeProcess.root().resolve("examples"), project, p -> true);
        Path war = project.resolve("target").resolve(wars.jetty().getFileName());
        Files.setLastModifiedTime(war, FileTime.fromMillis(System.currentTimeMillis())); // the sources are older
        int port = NodeProcess.freePort();
        try (DevServe dev = DevServe.start(project, port, work.resolve("dev-serve.log"))) {
            dev.await("mcp-cluster listening", 1, 180);
            McpHttpSession s = McpHttpSession.initialize(port, "2025-06-18");
            assertEquals(EXAMPLE_TOOLS, names(s, "tools/list", "tools", "name"));
            assertEquals(9.90, euPrice(s, 2), 1e-9, "7.50 EUR plus 1.20 EUR per kg");

            Path zone = project.resolve("src/main/java/com/example/shipping/Zone.java");
            String source = Files.readString(zone);
            assertTrue(source.contains("EU(7.50, 1.20, 3)"), "the example's EU rate");
            Files.writeString(zone, source.replace("EU(7.50, 1.20, 3)", "EU(7.50, 2.20, 3)"));
            dev.await("mcp-cluster redeployed", 1, 300);

            McpHttpSession after = McpHttpSession.initialize(port, "2025-06-18"); // one node's local cache starts empty
            assertEquals(11.90, euPrice(after, 2), 1e-9, "the edited rate: 7.50 EUR plus 2.20 EUR per kg");
        }
    }

    private static double euPrice(McpHttpSession s, int weightKg) {
        JsonObject response = s.request("tools/call",
                "{\"name\":\"shipping_quote\",\"arguments\":{\"weightKg\":" + weightKg + ",\"zone\":\"EU\"}}");
        return McpHttpSession.parse(response.getJsonObject("result").getJsonArray("content").getJsonObject(0)
                .getString("text")).getJsonNumber("priceEur").doubleValue();
    }

    /** A standalone Jetty node of webapp-config/jetty-base, as JettyPairIT runs them, with no mcp.features. */
    private static JettyHomeContainer jetty(String name, int index) {
        JettyHomeConfiguration c = new JettyHomeConfiguration();
        c.setJettyHome(System.getProperty("mcp.jetty.home"));
        c.setJettyBase(NodeProcess.root().resolve("target/example-nodes/" + name).toString());
        c.setHttpPort(JETTY_HTTP.get(index));
        c.setNodeName("example-" + name);
        c.setJgroupsPort(JETTY_JGROUPS.get(index));
        c.setJgroupsInitialHosts(JETTY_JGROUPS.stream().map(p -> "127.0.0.1[" + p + "]").collect(Collectors.joining(",")));
        JettyHomeContainer container = new JettyHomeContainer();
        container.setup(c);
        return container;
    }

    /** Jetty's context file and WildFly's deploy.cli both serve mcp-cluster.war at the root. */
    private static WebArchive asMcpClusterWar(Path war) {
        return ShrinkWrap.create(ZipImporter.class, "mcp-cluster.war").importFrom(war.toFile()).as(WebArchive.class);
    }

    private static void assertListsNothing(int port) {
        McpHttpSession s = McpHttpSession.initialize(port, "2025-06-18");
        assertEquals(Set.of(), names(s, "tools/list", "tools", "name"), "tools of the plain WAR");
        assertEquals(Set.of(), names(s, "resources/list", "resources", "uri"), "resources of the plain WAR");
        assertEquals(Set.of(), names(s, "resources/templates/list", "resourceTemplates", "uriTemplate"),
                "resource templates of the plain WAR");
        assertEquals(Set.of(), names(s, "prompts/list", "prompts", "name"), "prompts of the plain WAR");
    }

    /**
     * One session through the balancer: it lists the example's features only, and the example's tool
     * answers every call, which round robin spreads over both nodes.
     */
    private static void assertServesTheExampleFromBothNodes(Nginx nginx) {
        McpHttpSession s = McpHttpSession.initialize(nginx.port(), "2025-06-18");
        assertEquals(EXAMPLE_TOOLS, names(s, "tools/list", "tools", "name"));
        assertEquals(EXAMPLE_RESOURCES, names(s, "resources/list", "resources", "uri"));
        assertEquals(Set.of(), names(s, "resources/templates/list", "resourceTemplates", "uriTemplate"));
        assertEquals(EXAMPLE_PROMPTS, names(s, "prompts/list", "prompts", "name"));

        Set<String> upstreams = new HashSet<>();
        for (int i = 1; i <= CALLS; i++) {
            RawHttp.Response r = s.post("{\"jsonrpc\":\"2.0\",\"id\":" + (100 + i) + ",\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"shipping_quote\",\"arguments\":{\"weightKg\":" + i + ",\"zone\":\"EU\"}}}");
            assertEquals(200, r.status(), r.body());
            upstreams.add(r.header(Nginx.UPSTREAM_HEADER));
            JsonObject response = McpHttpSession.messages(r).get(0);
            assertEquals(100 + i, response.getInt("id"));
            JsonObject quote = McpHttpSession.parse(response.getJsonObject("result").getJsonArray("content")
                    .getJsonObject(0).getString("text"));
            // The EU rate of the example (examples/README.md): 7.50 EUR plus 1.20 EUR per kg.
            assertEquals(Math.round((7.50 + 1.20 * i) * 100) / 100.0, quote.getJsonNumber("priceEur").doubleValue(), 1e-9,
                    quote.toString());
            assertEquals("EU", quote.getString("zone"));
        }
        assertEquals(2, upstreams.size(), "calls served by both nodes: " + upstreams);
    }

    private static Set<String> names(McpHttpSession s, String method, String listKey, String nameKey) {
        JsonObject response = s.request(method, null);
        assertTrue(response.containsKey("result"), response.toString());
        return response.getJsonObject("result").getJsonArray(listKey).stream()
                .map(JsonValue::asJsonObject).map(o -> o.getString(nameKey)).collect(Collectors.toSet());
    }
}
