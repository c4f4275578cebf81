package io.mcpcluster.infinispan;

import io.mcpcluster.cluster.CacheOperations;
import io.mcpcluster.cluster.ClusterSignals;
import io.mcpcluster.cluster.Membership;
import io.mcpcluster.cluster.SignalHandlers;
import io.mcpcluster.config.McpConfig;
import io.mcpcluster.node.NodeExecutors;
import io.mcpcluster.session.Ids;
import io.mcpcluster.session.InboundRequests;
import io.mcpcluster.session.PendingRequests;
import io.mcpcluster.session.RequestStateStore;
import io.mcpcluster.session.SessionStore;
import io.mcpcluster.sse.LocalStreams;
import io.mcpcluster.stream.EventLog;
import io.mcpcluster.stream.StreamRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.infinispan.Cache;
import org.infinispan.commons.dataconversion.MediaType;
import org.infinispan.manager.EmbeddedCacheManager;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The one place that builds Infinispan: the session store, stream registry, event log, cluster
 * signals, membership and pending-request registry on top of a cache manager's caches. Everything
 * else sees their interfaces. The cache manager is
 * <ul>
 *   <li>the application server's, when the deployment declares the resource reference
 *   {@value #SERVER_CONTAINER} (the WildFly WAR does, in {@code jboss-web.xml}): the server owns it,
 *   its JGroups channel and its caches; we only add and remove our listeners;</li>
 *   <li>else one we build and own from {@code infinispan.xml}: the file named by
 *   {@code mcp.infinispan.config}, else the built-in local configuration of one node
 *   ({@link ClusterBus}: a clustered one only with the bus secured).</li>
 * </ul>
 */
@ApplicationScoped
public class InfinispanBackend {
    private static final Logger LOG = Logger.getLogger(InfinispanBackend.class.getName());
    static final String SESSIONS = "mcp-sessions";
    static final String STREAMS = "mcp-streams";
    static final String EVENTS = "mcp-events";
    static final String SIGNALS = "mcp-signals";
    static final String PENDING = "mcp-pending";
    static final String SERVER_CONTAINER = "java:comp/env/mcp/infinispan";

    @Inject
    McpConfig config;
    @Inject
    NodeExecutors executors;
    @Inject
    LocalStreams localStreams;

    private EmbeddedCacheManager cacheManager;
    /** False when the application server owns the cache manager. */
    private boolean ownsCacheManager;
    private InfinispanMembership membership;
    private InfinispanSessionStore sessionStore;
    private InfinispanStreamRegistry streamRegistry;
    private InfinispanEventLog eventLog;
    private InfinispanClusterSignals signals;
    private InfinispanPendingRequests pending;
    private InfinispanInboundRequests inbound;
    private InfinispanRequestStates requestStates;
    private InfinispanCacheOperations cacheOperations;

    @PostConstruct
    void start() {
        long t0 = System.nanoTime();
        cacheManager = serverContainer();
        ownsCacheManager = cacheManager == null;
        if (ownsCacheManager) {
            cacheManager = ClusterBus.open(config.infinispanConfig(), config.clusterKeys());
        } else {
            LOG.info("Using the application server's cache container " + SERVER_CONTAINER
                    + "; mcp.infinispan.config is not read");
        }
        String nodeName = nodeName();
        sessionStore = new InfinispanSessionStore(cache(SESSIONS), config.sessionIdleSeconds());
        pending = new InfinispanPendingRequests(cache(PENDING));
        inbound = new InfinispanInboundRequests(cache(PENDING));
        requestStates = new InfinispanRequestStates(cache(PENDING));
        streamRegistry = new InfinispanStreamRegistry(nodeName, cache(STREAMS), localStreams,
                config.eventRetentionMillis());
        eventLog = new InfinispanEventLog(nodeName, streamRegistry, cache(EVENTS), localStreams,
                config.eventRetentionMillis(), config.eventRetentionCount());
        signals = new InfinispanClusterSignals(nodeName, cache(SIGNALS),
                new SignalHandlers(executors.workers()));
        eventLog.start().thenCombine(signals.start(), (a, b) -> null)
                .toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
        cacheOperations = new InfinispanCacheOperations(List.of(cache(SESSIONS), cache(STREAMS), cache(EVENTS),
                cache(SIGNALS), cache(PENDING)), config.cacheStatistics());
        membership = new InfinispanMembership(cacheManager, nodeName, executors.workers());
        LOG.info(() -> String.format("Infinispan ready in %d ms: node %s, members %s",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), nodeName,
                cacheManager.getMembers() == null ? "[local]" : cacheManager.getMembers()));
    }

    @PreDestroy
    void stop() {
        if (cacheManager == null) {
            return;
        }
        if (ownsCacheManager) {
            cacheManager.stop();
            return;
        }
        // The server's caches outlive this deployment: leave no listener holding its class loader.
        if (eventLog != null) {
            eventLog.stop();
        }
        if (signals != null) {
            signals.stop();
        }
        if (membership != null) {
            membership.stop();
        }
    }

    @Produces
    @ApplicationScoped
    SessionStore sessionStore() {
        return sessionStore;
    }

    @Produces
    @ApplicationScoped
    StreamRegistry streamRegistry() {
        return streamRegistry;
    }

    @Produces
    @ApplicationScoped
    EventLog eventLog() {
        return eventLog;
    }

    @Produces
    @ApplicationScoped
    ClusterSignals clusterSignals() {
        return signals;
    }

    @Produces
    @ApplicationScoped
    Membership membership() {
        return membership;
    }

    @Produces
    @ApplicationScoped
    PendingRequests pendingRequests() {
        return pending;
    }

    @Produces
    @ApplicationScoped
    InboundRequests inboundRequests() {
        return inbound;
    }

    @Produces
    @ApplicationScoped
    RequestStateStore requestStateStore() {
        return requestStates;
    }

    @Produces
    @ApplicationScoped
    CacheOperations cacheOperations() {
        return cacheOperations;
    }

    private String nodeName() {
        if (!config.nodeName().isEmpty()) {
            return config.nodeName();
        }
        return cacheManager.getAddress() != null ? cacheManager.getAddress().toString()
                : "local-" + Ids.random().substring(0, 8);
    }

    /**
     * A cache of strings. The server's caches are opened as plain Java objects: with its ProtoStream
     * marshaller, WildFly otherwise hands a deployment a view that wraps every key and value in a
     * marshalled form of its own (made for deployment classes, which we never store), and the listener
     * filter, which runs on the stored form, would see those wrappers instead of strings.
     */
    private Cache<String, String> cache(String name) {
        Cache<String, String> cache = cacheManager.getCache(name);
        return ownsCacheManager ? cache
                : cache.getAdvancedCache().withMediaType(MediaType.APPLICATION_OBJECT, MediaType.APPLICATION_OBJECT);
    }

    /** The server's cache container if this deployment declared a reference to one, else null. */
    private static EmbeddedCacheManager serverContainer() {
        try {
            return (EmbeddedCacheManager) new InitialContext().lookup(SERVER_CONTAINER);
        } catch (NamingException e) {
            // No JNDI (embedded Jetty) or no such reference: we build our own.
            return null;
        }
    }
}
