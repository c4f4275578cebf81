package io.mcpcluster.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The previous release of mcp-cluster: the commit of this repository pinned as {@code mcp.previous.release}
 * in pom.xml, exported with {@code git archive} into {@code target/previous-release/<commit>/} and built
 * there with this build's Maven and local repository (offline: its artifacts are there already). The
 * built tree is kept, so a second run in the same {@code target/} does not build again.
 */
public final class PreviousRelease {
    private static final long BUILD_SECONDS = 900;

    private PreviousRelease() {
    }

    /** The built tree of the previous release; fails with one line when its commit is not in this repository. */
    public static Path build() {
        String commit = System.getProperty("mcp.previous.release", "");
        if (commit.isBlank()) {
            throw new IllegalStateException("mcp.previous.release is not set: run through Maven (pom.xml pins it)");
        }
        Path root = NodeProcess.root();
        if (Processes.run(List.of("git", "cat-file", "-e", commit + "^{commit}"), 60).exitCode() != 0) {
            throw new IllegalStateException("The previous release " + commit + " (mcp.previous.release in pom.xml) is not"
                    + " in this repository: fetch its history (git fetch --unshallow, or git fetch origin " + commit + ")");
        }
        Path dir = root.resolve("target/previous-release/" + commit);
        if (Files.isRegularFile(dir.resolve("target/mcp-cluster.war"))
                && Files.isRegularFile(dir.resolve("target/mcp-cluster-launcher.jar"))) {
            return dir;
        }
        deleteTree(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of("sh", "-c", "git archive --format=tar " + commit + " | tar -x -C '" + dir + "'"), "git archive");
        run(List.of(Path.of(System.getProperty("mcp.maven.home"), "bin", "mvn").toString(), "-B", "-q", "-o",
                "-Dmaven.repo.local=" + System.getProperty("mcp.maven.repo.local"), "-f", dir.resolve("pom.xml").toString(),
                "package", "-Dmaven.test.skip=true"), "building the previous release");
        return dir;
    }

    private static void run(List<String> command, String what) {
        Processes.Result r = Processes.run(command, BUILD_SECONDS);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(what + " failed (" + r.exitCode() + "): " + String.join(" ", command) + "\n" + r.output());
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
