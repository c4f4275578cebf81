package io.mcpcluster.it.arquillian.jetty;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link JettyHomeContainer} when the launched group is a Jetty one (arquillian.launch,
 * set per failsafe execution in pom.xml). Arquillian accepts one DeployableContainer implementation
 * per run, and the WildFly adapter is on the same test class path (the Jetty execution leaves it out).
 */
public class JettyHomeExtension implements LoadableExtension {
    @Override
    public void register(ExtensionBuilder builder) {
        if (System.getProperty("arquillian.launch", "").startsWith("jetty")) {
            builder.service(DeployableContainer.class, JettyHomeContainer.class);
        }
    }
}
