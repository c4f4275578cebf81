package io.mcpcluster.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests hang together (no cluster runs here; KubernetesDiscoveryIT runs their
 * DNS_PING configuration on loopback): pods are found through a headless service that also
 * publishes not-ready pods, on the port JGroups listens on; readiness and liveness are the /health/ready
 * and /health/live endpoints the WAR maps; a pod drains in its preStop hook, with the health token of a
 * Secret, within its grace period; the DNS query names that headless service.
 */
class KubernetesManifestsTest {

    @ParameterizedTest
    @CsvSource({"k8s/mcp-cluster-jetty.yaml, 7800", "k8s/mcp-cluster-wildfly.yaml, 7600"})
    void podsFindEachOtherThroughAHeadlessServiceAndProbeReadinessAndLiveness(String file, int jgroupsPort) throws IOException {
        List<Map<String, Object>> docs = load(file);
        Map<String, Object> deployment = only(docs, "Deployment", null);
        Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
        Map<String, Object> podLabels = map(map(map(map(deployment, "spec"), "template"), "metadata"), "labels");
        Map<String, Object> container = list(pod, "containers").get(0);

        Map<String, Object> headless = only(docs, "Service", true);
        Map<String, Object> headlessSpec = map(headless, "spec");
        assertEquals(Boolean.TRUE, headlessSpec.get("publishNotReadyAddresses"), "pods join before they are ready");
        assertEquals(podLabels, headlessSpec.get("selector"));
        assertEquals(jgroupsPort, list(headlessSpec, "ports").get(0).get("port"));
        assertEquals(jgroupsPort, containerPort(container, "jgroups"));

        String dnsQuery = env(container, "MCP_DNS_QUERY");
        assertTrue(dnsQuery.startsWith(map(headless, "metadata").get("name") + ".$(POD_NAMESPACE).svc"), dnsQuery);

        Map<String, Object> readiness = map(map(container, "readinessProbe"), "httpGet");
        assertEquals("/health/ready", readiness.get("path"));
        assertEquals("http", readiness.get("port"));
        assertEquals("/health/live", map(map(container, "livenessProbe"), "httpGet").get("path"));
        assertEquals(8080, containerPort(container, "http"));
        Map<String, Object> balanced = only(docs, "Service", false);
        assertEquals(podLabels, map(balanced, "spec").get("selector"));
        assertEquals("http", list(map(balanced, "spec"), "ports").get(0).get("targetPort"));

        String webXml = Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"));
        for (String path : List.of("/health/ready", "/health/live", "/health/drain")) {
            assertTrue(webXml.contains("<url-pattern>" + path + "</url-pattern>"), path);
        }
    }

    @ParameterizedTest
    @CsvSource({"k8s/mcp-cluster-jetty.yaml, k8s/Dockerfile.jetty", "k8s/mcp-cluster-wildfly.yaml, k8s/Dockerfile.wildfly"})
    void podsDrainInTheirPreStopHookWithinTheirGracePeriod(String file, String dockerfile) throws IOException {
        Map<String, Object> pod = map(map(map(only(load(file), "Deployment", null), "spec"), "template"), "spec");
        Map<String, Object> container = list(pod, "containers").get(0);
        List<Object> command = cast(map(map(map(container, "lifecycle"), "preStop"), "exec").get("command"));
        assertEquals(List.of("java", "-cp", "/opt/mcp/mcp-cluster-launcher.jar", "io.mcpcluster.launcher.DrainCommand",
                "http://127.0.0.1:8080"), command);
        assertTrue(Files.readString(Path.of(dockerfile)).contains("COPY target/mcp-cluster-launcher.jar /opt/mcp/mcp-cluster-launcher.jar"),
                "the image holds the drain command");
        Map<String, Object> token = list(container, "env").stream().filter(e -> "MCP_HEALTH_TOKEN".equals(e.get("name")))
                .findFirst().orElseThrow();
        assertEquals("mcp-cluster-health", map(map(token, "valueFrom"), "secretKeyRef").get("name"));
        // The drain's longest run (its delay, its wait for running calls, the hand-off) and the stop fit in the grace period.
        long drainSeconds = (Long.parseLong(env(container, "MCP_DRAIN_DELAY_MILLIS")) + 20_000 + 2_000) / 1000;
        assertTrue((Integer) pod.get("terminationGracePeriodSeconds") >= drainSeconds + 15, pod.get("terminationGracePeriodSeconds")
                + " s of grace for a drain of up to " + drainSeconds + " s");
    }

    @ParameterizedTest
    @CsvSource({"k8s/mcp-cluster-jetty.yaml", "k8s/mcp-cluster-wildfly.yaml"})
    void podsServeNoDemoOrFixtures(String file) throws IOException {
        Map<String, Object> pod = map(map(map(only(load(file), "Deployment", null), "spec"), "template"), "spec");
        for (Map<String, Object> container : list(pod, "containers")) {
            assertTrue(list(container, "env").stream().noneMatch(e -> "MCP_FEATURES".equals(e.get("name"))),
                    "optional feature sets stay off in production: " + container.get("name"));
        }
    }

    @ParameterizedTest
    @CsvSource({"k8s/mcp-cluster-jetty.yaml", "k8s/mcp-cluster-wildfly.yaml"})
    void podsReadTheClusterBusKeyStoreFromASecret(String file) throws IOException {
        Map<String, Object> pod = map(map(map(only(load(file), "Deployment", null), "spec"), "template"), "spec");
        Map<String, Object> container = list(pod, "containers").get(0);
        Map<String, Object> mount = list(container, "volumeMounts").get(0);
        Map<String, Object> volume = list(pod, "volumes").stream().filter(v -> v.get("name").equals(mount.get("name")))
                .findFirst().orElseThrow();
        String secret = (String) map(volume, "secret").get("secretName");
        assertTrue(env(container, "MCP_CLUSTER_KEYSTORE").startsWith(mount.get("mountPath") + "/"));
        Map<String, Object> password = list(container, "env").stream()
                .filter(e -> "MCP_CLUSTER_KEYSTORE_PASSWORD".equals(e.get("name"))).findFirst().orElseThrow();
        assertEquals(secret, map(map(password, "valueFrom"), "secretKeyRef").get("name"));
        assertTrue(list(container, "env").stream().noneMatch(e -> "MCP_CLUSTER_TRUSTED_NETWORK".equals(e.get("name"))));
    }

    @ParameterizedTest
    @CsvSource({"k8s/Dockerfile.jetty, infinispan-kubernetes.xml", "k8s/Dockerfile.wildfly, standalone-mcp-dns.xml"})
    void imagesStartTheDnsPingConfigurationBoundToThePodIp(String dockerfile, String configuration) throws IOException {
        String text = Files.readString(Path.of(dockerfile));
        String cmd = text.lines().filter(l -> l.startsWith("CMD ")).findFirst().orElseThrow();
        assertTrue(cmd.contains(configuration), cmd);
        assertTrue(cmd.contains("$POD_IP") && cmd.contains("$POD_NAME"), cmd);
        assertTrue(text.contains("8080"), "the http port the manifests probe");
    }

    private static List<Map<String, Object>> load(String file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(Path.of(file))) {
            for (Object doc : new Yaml().loadAll(r)) {
                docs.add(cast(doc));
            }
        }
        return docs;
    }

    /** The one document of {@code kind}; for services, the headless one or the other. */
    private static Map<String, Object> only(List<Map<String, Object>> docs, String kind, Boolean headless) {
        List<Map<String, Object>> found = docs.stream().filter(d -> kind.equals(d.get("kind")))
                .filter(d -> headless == null || headless == "None".equals(map(d, "spec").get("clusterIP"))).toList();
        assertEquals(1, found.size(), kind + " headless=" + headless);
        return found.get(0);
    }

    private static int containerPort(Map<String, Object> container, String name) {
        return (Integer) list(container, "ports").stream().filter(p -> name.equals(p.get("name"))).findFirst()
                .orElseThrow().get("containerPort");
    }

    private static String env(Map<String, Object> container, String name) {
        return (String) list(container, "env").stream().filter(e -> name.equals(e.get("name"))).findFirst()
                .orElseThrow().get("value");
    }

    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return cast(m.get(key));
    }

    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return cast(m.get(key));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    @Test
    void theIngressRetriesAFailedPostOnAnotherPodWithoutAffinity() throws IOException {
        Map<String, Object> ingress = new Yaml().load(Files.readString(Path.of("k8s/mcp-cluster-ingress.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, String> annotations = (Map<String, String>) ((Map<String, Object>) ingress.get("metadata"))
                .get("annotations");
        assertTrue(annotations.get("nginx.ingress.kubernetes.io/proxy-next-upstream").contains("non_idempotent"));
        assertEquals("2", annotations.get("nginx.ingress.kubernetes.io/proxy-next-upstream-tries"));
        assertEquals("off", annotations.get("nginx.ingress.kubernetes.io/proxy-buffering"));
        assertTrue(annotations.keySet().stream().noneMatch(k -> k.contains("affinity")));
        String backend = Files.readString(Path.of("k8s/mcp-cluster-ingress.yaml"));
        assertTrue(backend.contains("name: mcp-cluster\n") && backend.contains("number: 80"), backend);
    }
}
