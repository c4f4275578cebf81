package io.mcpcluster.transport;

import io.mcpcluster.drain.Drain;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Where containers start a node's drain. The embedded launcher runs the context attribute
 * {@value #DRAIN_ATTRIBUTE} (a {@link Runnable}) on SIGTERM, before it stops Jetty, while connections
 * are still open. Elsewhere (a Jetty distribution, WildFly) the drain runs when the application is
 * stopped, after the container has stopped taking requests (WildFly's suspend); it is idempotent.
 */
public class DrainListener implements ServletContextListener {
    /** The servlet-context attribute holding the drain, for containers that can run it before they stop. */
    public static final String DRAIN_ATTRIBUTE = "io.mcpcluster.drain";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setAttribute(DRAIN_ATTRIBUTE, (Runnable) () -> drain().run(true));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        try {
            drain().run(false);
        } catch (IllegalStateException noContainer) {
            // CDI already stopped (a failed start): there is nothing left to drain.
        }
    }

    private static Drain drain() {
        return CDI.current().select(Drain.class).get();
    }
}
