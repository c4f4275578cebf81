package io.mcpcluster.infinispan;

import io.mcpcluster.server.McpConfig;
import io.mcpcluster.server.NodeServices;
import io.mcpcluster.session.MessageRouter;
import io.mcpcluster.session.PendingRequests;
import io.mcpcluster.session.SessionStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.infinispan.Cache;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The one place that builds Infinispan: the session store, router and pending-request registry on top
 * of a cache manager's caches. Everything else sees interfaces. The cache manager is
 * <ul>
 *   <li>the application server's, when the deployment declares the resource reference
 *   {@value #SERVER_CONTAINER} (the WildFly WAR does, in {@code jboss-web.xml}): the server owns it,
 *   its JGroups channel and its caches; we only add and remove our listeners;</li>
 *   <li>else one we build and own from {@code infinispan.xml}: the file named by
 *   {@code mcp.infinispan.config}, else the built-in local configuration of one node.</li>
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
    NodeServices node;

    private EmbeddedCacheManager cacheManager;
    /** False when the application server owns the cache manager. */
    private boolean ownsCacheManager;
    private MembershipListener membership;
    private InfinispanSessionStore sessionStore;
    private InfinispanMessageRouter router;
    private InfinispanPendingRequests pending;

    @PostConstruct
    void start() {
        long t0 = System.nanoTime();
        cacheManager = serverContainer();
        ownsCacheManager = cacheManager == null;
        if (ownsCacheManager) {
            cacheManager = open(config.infinispanConfig());
        } else {
            LOG.info("Using the application server's cache container " + SERVER_CONTAINER
                    + "; mcp.infinispan.config is not read");
        }
        Cache<String, String> sessions = cacheManager.getCache(SESSIONS);
        sessionStore = new InfinispanSessionStore(sessions, config.sessionIdleSeconds());
        pending = new InfinispanPendingRequests(cacheManager.getCache(PENDING));
        router = new InfinispanMessageRouter(nodeName(), cacheManager.getCache(STREAMS),
                cacheManager.getCache(EVENTS), cacheManager.getCache(SIGNALS), node.localStreams(),
                node::dispatchSignal, config.eventRetentionMillis(), config.eventRetentionCount(), this::memberNames);
        router.start().toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
        membership = new MembershipListener(cacheManager, departed ->
                node.workers().execute(() -> router.failRequestsOf(departed)));
        cacheManager.addListener(membership);
        LOG.info(() -> String.format("Infinispan ready in %d ms: node %s, members %s",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), router.nodeName(),
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
        if (router != null) {
            router.stop();
        }
        if (membership != null) {
            cacheManager.removeListener(membership);
        }
    }

    @Produces
    @ApplicationScoped
    SessionStore sessionStore() {
        return sessionStore;
    }

    @Produces
    @ApplicationScoped
    MessageRouter messageRouter() {
        return router;
    }

    @Produces
    @ApplicationScoped
    PendingRequests pendingRequests() {
        return pending;
    }

    /** Current members by name, or null for the local (non-clustered) cache manager. */
    private java.util.Collection<String> memberNames() {
        var members = cacheManager.getMembers();
        return members == null ? null : members.stream().map(Object::toString).toList();
    }

    private String nodeName() {
        if (!config.nodeName().isEmpty()) {
            return config.nodeName();
        }
        return cacheManager.getAddress() != null ? cacheManager.getAddress().toString()
                : "local-" + io.mcpcluster.session.Ids.random().substring(0, 8);
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

    private static EmbeddedCacheManager open(String file) {
        try {
            if (file.isEmpty()) {
                try (InputStream in = InfinispanBackend.class.getResourceAsStream("/mcp-infinispan-local.xml")) {
                    return new DefaultCacheManager(in);
                }
            }
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                return new DefaultCacheManager(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Infinispan configuration " + file, e);
        }
    }
}
