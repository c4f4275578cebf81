package io.mcpcluster.infinispan;

import io.mcpcluster.session.Session;
import io.mcpcluster.session.SessionStore;
import org.infinispan.Cache;
import org.infinispan.container.entries.CacheEntry;
import org.infinispan.context.Flag;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Sessions as JSON text in a distributed cache, expiring after {@code maxIdleSeconds} without use.
 * Not Infinispan max-idle: in a clustered cache every read of a max-idle entry sends a synchronous
 * touch to the other owners (seen as the main wait of a request in thread dumps under load). Instead
 * an entry has a lifespan of the idle timeout, renewed by a conditional rewrite when a read finds it
 * past a quarter of its life: one write per session per quarter-timeout, none on the hot path. (Open
 * streams touch their sessions every third of the timeout, so they always renew in time.)
 */
final class InfinispanSessionStore implements SessionStore {
    private static final int EXISTING_BATCH = 500;
    private final Cache<String, String> sessions;
    private final long maxIdleSeconds;

    InfinispanSessionStore(Cache<String, String> sessions, long maxIdleSeconds) {
        this.sessions = sessions;
        this.maxIdleSeconds = maxIdleSeconds;
    }

    @Override
    public void create(Session session) {
        TopologyRetry.run(() -> sessions.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES)
                .put(session.id(), session.toJson(), maxIdleSeconds, TimeUnit.SECONDS));
    }

    @Override
    public Optional<Session> find(String id) {
        String json = readAndRenew(id);
        return json == null ? Optional.empty() : Optional.of(Session.fromJson(json));
    }

    /** The record's text; renews its lifespan (asynchronously) when more than a quarter of it has passed. */
    private String readAndRenew(String id) {
        CacheEntry<String, String> entry = sessions.getAdvancedCache().getCacheEntry(id);
        if (entry == null) {
            return null;
        }
        String json = entry.getValue();
        long lifespan = entry.getLifespan();
        if (lifespan > 0 && System.currentTimeMillis() - entry.getCreated() > lifespan / 4) {
            sessions.replaceAsync(id, json, json, maxIdleSeconds, TimeUnit.SECONDS);
        }
        return json;
    }

    @Override
    public Optional<Session> update(String id, UnaryOperator<Session> change) {
        return TopologyRetry.call(() -> compareAndSet(id, change));
    }

    private Optional<Session> compareAndSet(String id, UnaryOperator<Session> change) {
        while (true) {
            String old = sessions.get(id);
            if (old == null) {
                return Optional.empty();
            }
            Session next = change.apply(Session.fromJson(old));
            String json = next.toJson();
            if (json.equals(old)) {
                return Optional.of(next);
            }
            if (sessions.replace(id, old, json, maxIdleSeconds, TimeUnit.SECONDS)) {
                return Optional.of(next);
            }
        }
    }

    @Override
    public Set<String> existing(Collection<String> ids) {
        Set<String> out = new HashSet<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += EXISTING_BATCH) {
            Set<String> batch = new HashSet<>(all.subList(from, Math.min(all.size(), from + EXISTING_BATCH)));
            out.addAll(sessions.getAdvancedCache().getAll(batch).keySet());
        }
        return out;
    }

    @Override
    public Optional<Session> remove(String id) {
        String old = sessions.remove(id);
        return old == null ? Optional.empty() : Optional.of(Session.fromJson(old));
    }

    @Override
    public void forEachWithStandaloneStream(java.util.function.Consumer<Session> visitor) {
        // SKIP_CACHE_LOAD and no lambda shipping: the iterator pulls entries to this node in batches.
        try (var values = sessions.getAdvancedCache().withFlags(Flag.SKIP_CACHE_LOAD).values().iterator()) {
            while (values.hasNext()) {
                Session s = Session.fromJson(values.next());
                if (s.standaloneStreamId() != null) {
                    visitor.accept(s);
                }
            }
        }
    }

    @Override
    public void touch(String id) {
        readAndRenew(id);
    }
}
