package io.mcpcluster.infinispan;

import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;
import org.infinispan.remoting.transport.Address;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Tells the coordinator which nodes left the cluster, so that it can answer for the requests they
 * were executing. Runs on a notification thread: hands the handlers to the executor at once.
 */
@Listener
public final class MembershipListener {
    private static final Logger LOG = Logger.getLogger(MembershipListener.class.getName());
    private final EmbeddedCacheManager cacheManager;
    private final Executor executor;
    private final List<Consumer<Set<String>>> handlers = new CopyOnWriteArrayList<>();

    MembershipListener(EmbeddedCacheManager cacheManager, Executor executor) {
        this.cacheManager = cacheManager;
        this.executor = executor;
    }

    void add(Consumer<Set<String>> handler) {
        handlers.add(handler);
    }

    @ViewChanged
    public void onViewChanged(ViewChangedEvent event) {
        Set<String> departed = event.getOldMembers().stream().filter(a -> !event.getNewMembers().contains(a))
                .map(Address::toString).collect(Collectors.toSet());
        LOG.info(() -> "Cluster view " + event.getNewMembers() + (departed.isEmpty() ? "" : ", departed " + departed));
        if (!departed.isEmpty() && cacheManager.isCoordinator()) {
            handlers.forEach(h -> executor.execute(() -> h.accept(departed)));
        }
    }
}
