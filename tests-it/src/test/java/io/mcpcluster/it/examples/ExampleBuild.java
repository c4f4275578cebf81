package io.mcpcluster.it.examples;

import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.Processes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds examples/ with Maven the way a user does, against the artifacts of this build.
 *
 * <p>Within {@code mvn verify} the install phase has not run, so this first installs the files this
 * build packaged ({@code target/mcp-cluster.war}, {@code -wildfly.war}, {@code -api.jar}, with this
 * pom) with {@code install:install-file} into the local repository the build itself uses. That puts
 * exactly the tested bytes where the example's build looks for them, as {@code mvn install} would;
 * rebuilding with {@code mvn install} inside the test would repackage {@code target/} under the
 * running tests, and a repository of its own would download every plugin and dependency again.
 */
final class ExampleBuild {
    private static final long TIMEOUT_SECONDS = 300;

    private ExampleBuild() {
    }

    record Wars(Path jetty, Path wildfly) {
    }

    static Wars installArtifactsAndPackage() {
        Path root = NodeProcess.root();
        installArtifacts();
        mvn(root, "-f", "examples/pom.xml", "clean", "package",
                "-Dmcp-cluster.version=" + System.getProperty("mcp.project.version"));
        Wars wars = new Wars(root.resolve("examples/target/mcp-cluster-example.war"),
                root.resolve("examples/target/mcp-cluster-example-wildfly.war"));
        if (!Files.isRegularFile(wars.jetty()) || !Files.isRegularFile(wars.wildfly())) {
            throw new IllegalStateException("examples/ built no WARs: " + wars);
        }
        return wars;
    }

    /** This build's WARs and API jar into the local repository, where a user's project finds them. */
    static void installArtifacts() {
        Path root = NodeProcess.root();
        mvn(root, "install:install-file", "-Dfile=target/mcp-cluster.war", "-DpomFile=pom.xml");
        mvn(root, "install:install-file", "-Dfile=target/mcp-cluster-wildfly.war", "-DpomFile=pom.xml",
                "-Dclassifier=wildfly", "-Dpackaging=war");
        mvn(root, "install:install-file", "-Dfile=target/mcp-cluster-api.jar", "-DpomFile=pom.xml",
                "-Dclassifier=api", "-Dpackaging=jar");
    }

    /** The Maven that runs this build, with its local repository. */
    private static void mvn(Path root, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("mcp.maven.home"), "bin", "mvn").toString(), "-B", "-q",
                "-Dmaven.repo.local=" + System.getProperty("mcp.maven.repo.local")));
        command.addAll(List.of(args));
        Processes.Result r = Processes.run(command, TIMEOUT_SECONDS);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + r.exitCode() + "):\n" + r.output());
        }
    }
}
