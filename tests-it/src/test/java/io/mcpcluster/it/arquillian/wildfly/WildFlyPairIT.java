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
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two managed WildFly 39 servers (arquillian.xml, group wildfly-pair) configured by
 * wildfly-cli/configure.sh: standalone-ha with TCPPING on loopback and the mcp cache container. The
 * WAR (classifier wildfly) uses the servers' own Infinispan and JGroups channel.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WildFlyPairIT extends ClusteredPairContract {

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
        Path home = Path.of(System.getProperty("mcp.wildfly.home"));
        Processes.Result cli = Processes.run(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + (9990 + 10100), "--file=wildfly-cli/deploy.cli", "-Dmcp.war=" + war), 180);
        assertEquals(0, cli.exitCode(), cli.output());
        RawHttp.Response r = RawHttp.send(server2.getPort(), "POST", "/mcp", s.headers(),
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"served_by\"}}");
        assertEquals(200, r.status(), r.body());
        assertEquals(7, McpHttpSession.messages(r).get(0).getInt("id"));
        assertEquals(200, RawHttp.send(server1.getPort(), "GET", "/health", Map.of(), null).status());
    }
}
