package io.mcpcluster.infinispan;

import io.mcpcluster.session.Session;
import io.mcpcluster.session.SessionStore;
import org.infinispan.Cache;
import org.infinispan.context.Flag;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** Sessions as JSON text in a distributed cache, expiring after {@code maxIdleSeconds} without access. */
final class InfinispanSessionStore implements SessionStore {
    private final Cache<String, String> sessions;
    private final long maxIdleSeconds;

    InfinispanSessionStore(Cache<String, String> sessions, long maxIdleSeconds) {
        this.sessions = sessions;
        this.maxIdleSeconds = maxIdleSeconds;
    }

    @Override
    public void create(Session session) {
        sessions.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES)
                .put(session.id(), session.toJson(), -1, TimeUnit.SECONDS, maxIdleSeconds, TimeUnit.SECONDS);
    }

    @Override
    public Optional<Session> find(String id) {
        String json = sessions.get(id);
        return json == null ? Optional.empty() : Optional.of(Session.fromJson(json));
    }

    @Override
    public Optional<Session> update(String id, UnaryOperator<Session> change) {
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
            if (sessions.replace(id, old, json, -1, TimeUnit.SECONDS, maxIdleSeconds, TimeUnit.SECONDS)) {
                return Optional.of(next);
            }
        }
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
        sessions.getAdvancedCache().touch(id, false);
    }
}
