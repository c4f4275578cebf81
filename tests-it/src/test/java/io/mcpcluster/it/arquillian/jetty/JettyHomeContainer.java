package io.mcpcluster.it.arquillian.jetty;

import io.mcpcluster.it.support.BusKeys;
import io.mcpcluster.it.support.Directories;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.Processes;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A managed Arquillian container for a standalone Jetty 12.1 distribution: a {@code jetty-home} and a
 * Jetty base made from {@code webapp-config/jetty-base}, run as its own process with
 * {@code java -jar start.jar}. Deploying copies the archive and the base's context XML into
 * {@code webapps/}, where Jetty's deployment scanner finds them; the deployment is ready when the
 * node answers {@code GET /health}.
 *
 * <p>Why not the served Jetty adapter: arquillian-jetty-embedded-12-ee10 2.0.0.Final runs Jetty
 * embedded and works with Jetty 12.0.x only (it fails on 12.1's deploy API). This one tests what a
 * user deploys to: the real 12.1 distribution, its start.jar, modules and deployment scanner.
 */
public class JettyHomeContainer implements DeployableContainer<JettyHomeConfiguration> {
    private static final String CONTEXT_XML = "mcp-cluster.xml";
    private JettyHomeConfiguration config;
    private Path base;
    private Process process;

    @Override
    public Class<JettyHomeConfiguration> getConfigurationClass() {
        return JettyHomeConfiguration.class;
    }

    @Override
    public void setup(JettyHomeConfiguration configuration) {
        this.config = configuration;
        this.base = Path.of(configuration.getJettyBase());
    }

    @Override
    public void start() throws LifecycleException {
        Path root = Path.of(System.getProperty("mcp.it.root", "."));
        try {
            // A fresh copy of the base without what a run leaves in it: its webapps/ starts empty.
            Directories.freshCopy(root.resolve("webapp-config/jetty-base"), base,
                    file -> !file.getParent().getFileName().toString().equals("webapps"));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of(config.getJavaOpts().trim().split("\\s+")));
            command.addAll(List.of("-jar", Path.of(config.getJettyHome(), "start.jar").toString(),
                    "jetty.base=" + base,
                    "jetty.http.host=127.0.0.1",
                    "jetty.http.port=" + config.getHttpPort(),
                    // Command-line values win over the base's start.d/mcp-cluster.ini.
                    "-Dmcp.infinispan.config=" + root.resolve("webapp-config/infinispan.xml"),
                    "-Dmcp.node.name=" + config.getNodeName(),
                    "-Dmcp.jgroups.bind.addr=127.0.0.1",
                    "-Dmcp.jgroups.bind.port=" + config.getJgroupsPort(),
                    "-Dmcp.jgroups.initial.hosts=" + config.getJgroupsInitialHosts(),
                    "-Dmcp.features=" + config.getFeatures(),
                    "-Dmcp.health.token=" + NodeProcess.HEALTH_TOKEN));
            // Both servers of the pair run in this JVM's tests: they share this run's cluster key store.
            BusKeys.properties(BusKeys.forThisRun()).forEach((k, v) -> command.add("-D" + k + "=" + v));
            process = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true)
                    .redirectOutput(base.resolve("jetty.log").toFile()).start();
            Process started = process;
            // Should the test JVM end without stop() (a crash, Ctrl-C), the server ends with it.
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
            awaitHttp("/", status -> status > 0, "Jetty listening");
        } catch (IOException | RuntimeException e) {
            stopProcess();
            throw new LifecycleException("Jetty " + config.getNodeName() + " did not start; see " + log(), e);
        }
    }

    @Override
    public void stop() {
        stopProcess();
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        try {
            Path webapps = base.resolve("webapps");
            archive.as(ZipExporter.class).exportTo(webapps.resolve(archive.getName()).toFile(), true);
            if (archive.getName().equals("mcp-cluster.war")) {
                Files.copy(Path.of(System.getProperty("mcp.it.root", "."), "webapp-config/jetty-base/webapps", CONTEXT_XML),
                        webapps.resolve(CONTEXT_XML), StandardCopyOption.REPLACE_EXISTING);
            }
            awaitHttp("/health", status -> status == 200, "the deployment answering GET /health");
        } catch (IOException | RuntimeException e) {
            throw new DeploymentException("Deployment of " + archive.getName() + " on " + config.getNodeName()
                    + " failed; see " + log(), e);
        }
        return new ProtocolMetaData().addContext(new HTTPContext("127.0.0.1", config.getHttpPort()));
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        try {
            Files.deleteIfExists(base.resolve("webapps").resolve(CONTEXT_XML));
            Files.deleteIfExists(base.resolve("webapps").resolve(archive.getName()));
            awaitHttp("/health", status -> status == 404, "the deployment gone");
        } catch (IOException | RuntimeException e) {
            throw new DeploymentException("Undeployment on " + config.getNodeName() + " failed; see " + log(), e);
        }
    }

    @Override
    public void deploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployable on Jetty");
    }

    @Override
    public void undeploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployable on Jetty");
    }

    private Path log() {
        return base.resolve("jetty.log");
    }

    /** Polls {@code path} until its status passes {@code done} (0 while nothing listens). */
    private void awaitHttp(String path, java.util.function.IntPredicate done, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.getStartupTimeoutSeconds());
        while (System.nanoTime() < deadline) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException("the Jetty process ended before " + what);
            }
            if (done.test(status(path))) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }

    private int status(String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + config.getHttpPort() + path)
                    .toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            try {
                return c.getResponseCode();
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return 0;
        }
    }

    private void stopProcess() {
        if (process == null) {
            return;
        }
        Processes.stop(process, 20);
        process = null;
    }
}
