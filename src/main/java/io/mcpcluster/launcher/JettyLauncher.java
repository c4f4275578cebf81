package io.mcpcluster.launcher;

import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the WAR in an embedded Jetty 12 (ee10), the way a Jetty distribution would deploy it. Not part
 * of the WAR: it is packaged as the {@code launcher} jar and started by {@code ./dev serve} and by the
 * integration tests. Arguments: {@code [--host 127.0.0.1] [--port 8080] [--war target/mcp-cluster.war]
 * [--watch]}; with {@code --watch} the application is redeployed whenever the WAR file changes ({@link WarWatcher}).
 * Prints {@code mcp-cluster listening on http://host:port} once the application is up. On stop (SIGTERM)
 * the node drains before Jetty stops ({@link #drainOnSignals}).
 */
public final class JettyLauncher {
    /** The servlet-context attribute where the application publishes its drain. */
    private static final String DRAIN = "io.mcpcluster.drain";

    private JettyLauncher() {
    }

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 8080;
        String war = "target/mcp-cluster.war";
        boolean watch = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--war" -> war = args[++i];
                case "--watch" -> watch = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (!Files.exists(Path.of(war))) {
            throw new IllegalArgumentException("No WAR at " + war + ": build it with mvn package");
        }
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // no "Server: Jetty(12.x)" on any response
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(300_000);
        server.addConnector(connector);

        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setWar(war);
        webapp.setThrowUnavailableOnStartupException(true);
        webapp.setErrorHandler(quietErrorPages());
        webapp.setTempDirectory(Files.createTempDirectory("mcp-cluster-").toFile());
        webapp.setTempDirectoryPersistent(false);
        server.setHandler(watch ? WarWatcher.guard(webapp) : webapp);
        server.setErrorHandler(new JsonRpcErrorHandler());
        server.setStopAtShutdown(true);
        server.setStopTimeout(5_000);
        server.start();
        drainOnSignals(webapp);
        System.out.println("mcp-cluster listening on http://" + host + ":" + connector.getLocalPort());
        if (watch) {
            WarWatcher.start(webapp, Path.of(war));
        }
        server.join();
    }

    /**
     * SIGTERM and SIGINT drain the node first, while Jetty still accepts connections and serves (the
     * servlet-context attribute {@code io.mcpcluster.drain}, a {@link Runnable} bounded by its own
     * settings), then exit, which stops Jetty. Not a shutdown hook: hooks run together, and the JDK's own
     * closes the log handlers while the drain would still log.
     */
    private static void drainOnSignals(WebAppContext webapp) {
        SignalHandler drainThenExit = signal -> {
            try {
                if (webapp.isAvailable() && webapp.getServletContext().getAttribute(DRAIN) instanceof Runnable drain) {
                    drain.run();
                }
            } catch (RuntimeException e) {
                System.err.println("mcp-cluster: the drain failed, stopping anyway: " + e);
            }
            System.exit(0);
        };
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), drainThenExit);
            } catch (IllegalArgumentException taken) {
                // The JVM keeps this signal (-Xrs): it stops Jetty without a drain.
                System.err.println("mcp-cluster: SIG" + name + " stops the node without a drain: " + taken.getMessage());
            }
        }
    }

    /** The application's error pages (web.xml) go here; what none covers shows no stack and no message. */
    private static ErrorPageErrorHandler quietErrorPages() {
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        errors.setShowMessageInTitle(false);
        return errors;
    }
}
