package io.mcpcluster.session;

import io.mcpcluster.cluster.ClusterSignals;
import io.mcpcluster.cluster.Signal;
import io.mcpcluster.config.InputLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Sessions per node (503) and per principal (429), with a store kept in a map and signals delivered at once. */
@Timeout(10)
class SessionQuotaTest {
    private final Map<String, Session> records = new ConcurrentHashMap<>();
    private final List<Consumer<Signal>> closedHandlers = new ArrayList<>();
    private final Sessions sessions = new Sessions();

    @BeforeEach
    void wire() {
        SessionQuota quota = new SessionQuota();
        quota.limits = new InputLimits(5, 2, 16_384, 100, 64, 1_048_576, 10_000, 30_000);
        quota.store = new MapStore();
        quota.signals = new ClusterSignals() {
            @Override
            public void send(String node, Signal signal) {
                broadcast(signal);
            }

            @Override
            public void broadcast(Signal signal) {
                closedHandlers.forEach(h -> h.accept(signal));
            }

            @Override
            public void subscribe(Signal.Type type, Consumer<Signal> handler) {
                if (type == Signal.Type.SESSION_CLOSED) {
                    closedHandlers.add(handler);
                }
            }
        };
        quota.start();
        sessions.quota = quota;
        sessions.store = quota.store;
        sessions.signals = quota.signals;
    }

    private int statusOfOneMore(String principal) {
        return assertThrows(SessionLimitException.class, () -> sessions.create(Transport.STREAMABLE, principal))
                .httpStatus();
    }

    @Test
    void aPrincipalBeyondItsLimitGets429WhileOthersGoOn() {
        sessions.create(Transport.STREAMABLE, "alice");
        sessions.create(Transport.LEGACY_SSE, "alice");
        assertEquals(429, statusOfOneMore("alice"));
        sessions.create(Transport.STREAMABLE, "bob");
        assertEquals(3, records.size(), "the refused session was never stored");
    }

    @Test
    void anonymousSessionsCountOnlyTowardsTheNodeLimit() {
        for (int i = 0; i < 5; i++) {
            sessions.create(Transport.STREAMABLE, null);
        }
        assertEquals(503, statusOfOneMore(null));
        assertEquals(503, statusOfOneMore("carol"), "the node's limit holds for everyone");
    }

    @Test
    void aDeletedSessionMakesRoomOnEveryNode() {
        Session first = sessions.create(Transport.STREAMABLE, "alice");
        sessions.create(Transport.STREAMABLE, "alice");
        sessions.delete(first.id());
        sessions.create(Transport.STREAMABLE, "alice");
        assertEquals(429, statusOfOneMore("alice"));
    }

    @Test
    void anExpiredSessionIsFoundMissingWhenTheLimitIsReached() {
        Session expiring = sessions.create(Transport.STREAMABLE, "alice");
        sessions.create(Transport.STREAMABLE, "alice");
        records.remove(expiring.id()); // what the cache's lifespan does: no signal
        sessions.create(Transport.STREAMABLE, "alice");
        assertEquals(2, sessions.quota.count());
    }

    /** The store's contract on a map: enough for counting, which is all the quota asks of it. */
    private final class MapStore implements SessionStore {
        @Override
        public void create(Session session) {
            records.put(session.id(), session);
        }

        @Override
        public Optional<Session> find(String id) {
            return Optional.ofNullable(records.get(id));
        }

        @Override
        public Optional<Session> update(String id, UnaryOperator<Session> change) {
            return Optional.ofNullable(records.computeIfPresent(id, (k, s) -> change.apply(s)));
        }

        @Override
        public Set<String> existing(Collection<String> ids) {
            Set<String> out = new HashSet<>(ids);
            out.retainAll(records.keySet());
            return out;
        }

        @Override
        public Optional<Session> remove(String id) {
            return Optional.ofNullable(records.remove(id));
        }

        @Override
        public void forEachWithStandaloneStream(Consumer<Session> visitor) {
            records.values().stream().filter(s -> s.standaloneStreamId() != null).forEach(visitor);
        }

        @Override
        public void touch(String id) {
            // nothing expires here
        }
    }
}
