package io.mcpcluster.infinispan;

import io.mcpcluster.cluster.Membership;
import org.infinispan.manager.EmbeddedCacheManager;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Members as the cache manager sees them; a local (non-clustered) manager is a cluster of this node alone. */
final class InfinispanMembership implements Membership {
    private final EmbeddedCacheManager cacheManager;
    private final String nodeName;
    private final MembershipListener listener;

    /** @param executor runs departure handlers (the listener runs on a notification thread) */
    InfinispanMembership(EmbeddedCacheManager cacheManager, String nodeName, Executor executor) {
        this.cacheManager = cacheManager;
        this.nodeName = nodeName;
        this.listener = new MembershipListener(cacheManager, executor);
        cacheManager.addListener(listener);
    }

    void stop() {
        cacheManager.removeListener(listener);
    }

    @Override
    public String nodeName() {
        return nodeName;
    }

    @Override
    public List<String> members() {
        var members = cacheManager.getMembers();
        return members == null ? List.of(nodeName) : members.stream().map(Object::toString).toList();
    }

    @Override
    public boolean isMember(String node) {
        var members = cacheManager.getMembers();
        return members == null ? nodeName.equals(node) : members.stream().anyMatch(a -> a.toString().equals(node));
    }

    @Override
    public void onDeparture(Consumer<Set<String>> handler) {
        listener.add(handler);
    }
}
