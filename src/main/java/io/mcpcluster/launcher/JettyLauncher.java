package io.mcpcluster.launcher;

import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.Graceful;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the WAR in an embedded Jetty 12 (ee10), the way a Jetty distribution would deploy it. Not part
 * of the WAR: it is packaged as the {@code launcher} jar and started by {@code ./dev serve} and by the
 * integration tests. Arguments: {@code [--host 127.0.0.1] [--port 8080] [--war target/mcp-cluster.war]
 * [--watch]}; with {@code --watch} the application is redeployed whenever the WAR file changes ({@link WarWatcher}).
 * Prints {@code mcp-cluster listening on http://host:port} once the application is up. On stop (SIGTERM)
 * the application's before-stop hook runs while connections are still open: Jetty closes them before it
 * stops the application, and 2026-07-28 listen streams end with a final response.
 */
public final class JettyLauncher {
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
        server.addBean(new BeforeStop(webapp));
        server.setStopAtShutdown(true);
        server.setStopTimeout(5_000);
        server.start();
        System.out.println("mcp-cluster listening on http://" + host + ":" + connector.getLocalPort());
        if (watch) {
            WarWatcher.start(webapp, Path.of(war));
        }
        server.join();
    }

    /**
     * Part of Jetty's graceful phase (it waits up to the stop timeout): runs the {@link Runnable} the
     * application published as the servlet-context attribute {@code io.mcpcluster.beforeStop}.
     */
    private static final class BeforeStop implements Graceful {
        private final WebAppContext webapp;
        private volatile boolean ran;

        BeforeStop(WebAppContext webapp) {
            this.webapp = webapp;
        }

        @Override
        public CompletableFuture<Void> shutdown() {
            ran = true;
            Object hook = webapp.getServletContext().getAttribute("io.mcpcluster.beforeStop");
            return hook instanceof Runnable r ? CompletableFuture.runAsync(r) : CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isShutdown() {
            return ran;
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
