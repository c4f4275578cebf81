package io.mcpcluster.infinispan;

import io.mcpcluster.config.ClusterKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A clustered configuration without usable key material is refused before anything joins, with the reason. */
class ClusterBusTest {

    @Test
    void aClusteredNodeWithoutKeyMaterialRefusesToStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClusterBus.open(
                "webapp-config/infinispan.xml", new ClusterKeys("", "", "", "", false)));
        assertTrue(e.getMessage().contains("no key material for the cluster bus: set mcp.cluster.keystore"), e.getMessage());
        assertTrue(e.getMessage().contains(ClusterBus.TRUSTED), e.getMessage());
    }

    @Test
    void aWrongPasswordIsNamedWithTheFile(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("bus.p12");
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "mcp-bus", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=test",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "right-password"))
                .redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(keytool.waitFor() == 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClusterBus.tlsSockets(
                new ClusterKeys(store.toString(), "wrong-password", store.toString(), "wrong-password", false)));
        assertTrue(e.getMessage().contains("cannot read the cluster bus's key material mcp.cluster.keystore=" + store),
                e.getMessage());
    }

    @Test
    void theLocalConfigurationNeedsNoKeyMaterial() {
        ClusterBus.open("", new ClusterKeys("", "", "", "", false)).stop();
    }
}
