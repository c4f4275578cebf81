package io.mcpcluster.infinispan;

import org.infinispan.configuration.parsing.ConfigurationBuilderHolder;
import org.infinispan.configuration.parsing.ParserRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped Infinispan configurations parse and define the caches the code opens, distributed with 2 owners. */
class WebappConfigTest {

    @ParameterizedTest
    @ValueSource(strings = {"webapp-config/infinispan.xml", "webapp-config/infinispan-kubernetes.xml"})
    void definesEveryCacheWithTwoOwners(String file) throws Exception {
        System.setProperty("mcp.jgroups.bind.addr", "127.0.0.1");
        System.setProperty("mcp.jgroups.dns.query", "mcp.default.svc.cluster.local");
        ConfigurationBuilderHolder holder = new ParserRegistry().parse(Path.of(file).toUri().toURL());
        Set<String> caches = holder.getNamedConfigurationBuilders().keySet();
        assertEquals(Set.of(InfinispanBackend.SESSIONS, InfinispanBackend.STREAMS, InfinispanBackend.EVENTS,
                InfinispanBackend.SIGNALS, InfinispanBackend.PENDING), caches);
        holder.getNamedConfigurationBuilders().values().forEach(b -> {
            assertTrue(b.build().clustering().cacheMode().isDistributed());
            assertEquals(2, b.build().clustering().hash().numOwners());
        });
        assertTrue(holder.getGlobalConfigurationBuilder().build().isClustered());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/mcp-infinispan-local.xml"})
    void builtInLocalConfigurationDefinesTheSameCaches(String resource) throws Exception {
        ConfigurationBuilderHolder holder = new ParserRegistry().parse(getClass().getResource(resource));
        assertEquals(5, holder.getNamedConfigurationBuilders().size());
    }
}
