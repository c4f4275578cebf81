package io.mcpcluster.it.arquillian;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.nio.file.Path;

/**
 * The archives the Arquillian tests deploy: the WAR Maven built (what users deploy), opened with
 * ShrinkWrap, plus {@link ServedByTool}. Always named {@code mcp-cluster.war}, the runtime name
 * wildfly-cli/deploy.cli gives it, so that the redeployment test replaces this very deployment.
 */
public final class McpWars {
    private McpWars() {
    }

    /** target/mcp-cluster-wildfly.war: no WEB-INF/lib, uses the server's cache container. */
    public static WebArchive forWildFly() {
        return open("mcp-cluster-wildfly.war");
    }

    /** target/mcp-cluster.war: bundles Weld, JSON-B and Infinispan for plain Jetty. */
    public static WebArchive forJetty() {
        return open("mcp-cluster.war");
    }

    private static WebArchive open(String builtWar) {
        Path war = Path.of(System.getProperty("mcp.it.root", "."), "target", builtWar);
        return ShrinkWrap.create(ZipImporter.class, "mcp-cluster.war").importFrom(war.toFile()).as(WebArchive.class)
                .addClass(ServedByTool.class);
    }
}
