package io.mcpcluster.it.arquillian.jetty;

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
 * Two standalone Jetty 12.1 servers (jetty-home, a base made from webapp-config/jetty-base, started
 * by {@link JettyHomeContainer}; arquillian.xml group jetty-pair) clustered by
 * webapp-config/infinispan.xml over JGroups TCP on loopback.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JettyPairIT extends ClusteredPairContract {

    @Deployment(name = "server1", testable = false, order = 1)
    @TargetsContainer("jetty-1")
    static WebArchive server1Deployment() {
        return McpWars.forJetty();
    }

    @Deployment(name = "server2", testable = false, order = 2)
    @TargetsContainer("jetty-2")
    static WebArchive server2Deployment() {
        return McpWars.forJetty();
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
