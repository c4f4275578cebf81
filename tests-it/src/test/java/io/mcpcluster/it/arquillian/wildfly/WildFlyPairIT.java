package io.mcpcluster.it.arquillian.wildfly;

import io.mcpcluster.it.arquillian.ClusteredPairContract;
import io.mcpcluster.it.arquillian.McpWars;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

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
}
