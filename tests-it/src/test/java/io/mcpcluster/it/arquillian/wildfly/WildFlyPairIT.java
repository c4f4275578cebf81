package io.mcpcluster.it.arquillian.wildfly;

import io.mcpcluster.it.arquillian.ClusteredPairContract;
import io.mcpcluster.it.arquillian.McpWars;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.Processes;
import io.mcpcluster.it.support.RawHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two managed WildFly 39 servers (arquillian.xml, group wildfly-pair) configured by
 * wildfly-cli/configure.sh: standalone-ha with TCPPING on loopback and the mcp cache container. The
 * WAR (classifier wildfly) uses the servers' own Infinispan and JGroups channel.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WildFlyPairIT extends ClusteredPairContract {
    private static final int SERVER1_MANAGEMENT = 9990 + 10000;
    private static final int SERVER2_MANAGEMENT = 9990 + 10100;

    @Deployment(name = "server1", testable = false, order = 1)
    @TargetsContainer("wildfly-1")
    static WebArchive server1Deployment() {
        return McpWars.forWildFly();
    }

    @Deployment(name = "server2", testable = false, order = 2)
    @TargetsContainer("wildfly-2")
    static WebArchive server2Deployment() {
        return McpWars.forWildFly();
    }

    @ArquillianResource
    @OperateOnDeployment("server1")
    URL server1;

    @ArquillianResource
    @OperateOnDeployment("server2")
    URL server2;

    @Override
    protected URL server1() {
        return server1;
    }

    @Override
    protected URL server2() {
        return server2;
    }

    /**
     * The deployment script users run (wildfly-cli/deploy.cli through jboss-cli) replaces the WAR on
     * server 2 while a session lives: the session is in the servers' caches, not in the application,
     * so it outlives the redeployment and is served by the new deployment.
     */
    @Test
    void redeployingOnServer2WithTheWildflyCliScriptKeepsSessions() throws Exception {
        McpHttpSession s = McpHttpSession.initialize(server1.getPort(), "2025-06-18");
        Path war = Files.createTempDirectory("redeploy").resolve("mcp-cluster.war");
        McpWars.forWildFly().as(ZipExporter.class).exportTo(war.toFile(), true);
        Processes.Result cli = jbossCli(SERVER2_MANAGEMENT, "--file=wildfly-cli/deploy.cli", "-Dmcp.war=" + war);
        assertEquals(0, cli.exitCode(), cli.output());
        RawHttp.Response r = RawHttp.send(server2.getPort(), "POST", "/mcp", s.headers(),
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"served_by\"}}");
        assertEquals(200, r.status(), r.body());
        assertEquals(7, McpHttpSession.messages(r).get(0).getInt("id"));
        assertEquals(200, RawHttp.send(server1.getPort(), "GET", "/health", Map.of(), null).status());
    }

    /**
     * The cache container mcp-caches.cli defines, as server 1 runs it: ProtoStream, with the module
     * that holds the listener filter. That the filter really crosses servers under it is what the
     * contract's cross-server tests show.
     */
    @Test
    void theCacheContainerMarshalsWithProtoStreamAndKnowsTheFilterModule() {
        Processes.Result cli = jbossCli(SERVER1_MANAGEMENT, "--output-json",
                "--command=/subsystem=infinispan/cache-container=mcp:read-resource(include-defaults=true)");
        assertEquals(0, cli.exitCode(), cli.output());
        String json = cli.output().substring(cli.output().indexOf('{'), cli.output().lastIndexOf('}') + 1);
        JsonObject container = Json.createReader(new StringReader(json)).readObject().getJsonObject("result");
        assertEquals("PROTOSTREAM", container.getString("marshaller"), json);
        assertTrue(container.getJsonArray("modules").getValuesAs(JsonString::getString)
                .contains("io.mcpcluster.routing"), json);
    }

    private static Processes.Result jbossCli(int managementPort, String... arguments) {
        Path home = Path.of(System.getProperty("mcp.wildfly.home"));
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + managementPort));
        command.addAll(List.of(arguments));
        return Processes.run(command, 180);
    }
}
