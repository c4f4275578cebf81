package io.mcpcluster.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Key material of the cluster bus for test nodes: a PKCS12 key store made with the JDK's keytool, one
 * per test run (in target/it-bus/), or one more for a node that must not get in. Its password is a
 * test value; the file is new on every run.
 */
public final class BusKeys {
    public static final String PASSWORD = "test-run-only";
    private static Path forThisRun;

    private BusKeys() {
    }

    /** The key store the nodes of this test JVM share (made on first use). */
    public static synchronized Path forThisRun() {
        if (forThisRun == null) {
            forThisRun = generate("cluster-" + ProcessHandle.current().pid());
        }
        return forThisRun;
    }

    /** A key store of its own, named {@code name}: a node holding it is not one of the cluster's. */
    public static Path generate(String name) {
        try {
            Path dir = NodeProcess.root().resolve("target/it-bus");
            Files.createDirectories(dir);
            Path store = dir.resolve(name + ".p12");
            Files.deleteIfExists(store);
            Processes.Result r = Processes.run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "mcp-bus", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=" + name, "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", PASSWORD), 60);
            if (r.exitCode() != 0) {
                throw new IllegalStateException("keytool failed: " + r.output());
            }
            return store;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The properties that give a node {@code store}. */
    public static Map<String, String> properties(Path store) {
        return Map.of("mcp.cluster.keystore", store.toString(), "mcp.cluster.keystore.password", PASSWORD);
    }
}
