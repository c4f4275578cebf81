package io.mcpcluster.session;

import io.mcpcluster.cluster.ClusterSignals;
import io.mcpcluster.cluster.Signal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Sessions as the transports see them: created, found for one transport and one principal, changed,
 * and ended on every node. A session of another transport or another principal is not found: a
 * session id never authenticates.
 */
@ApplicationScoped
public class Sessions {
    @Inject
    SessionStore store;
    @Inject
    ClusterSignals signals;

    @Inject
    SessionQuota quota;

    /** A new session; throws {@link SessionLimitException} when this node or principal has too many. */
    public Session create(Transport transport, String principal) {
        Session s = Session.create(Ids.random(), transport, principal);
        quota.admit(s.id(), principal);
        try {
            store.create(s);
        } catch (RuntimeException e) {
            quota.forget(s.id());
            throw e;
        }
        return s;
    }

    /** Throws {@link SessionLimitException} when {@link #create} would, without creating anything. */
    public void checkQuota(String principal) {
        quota.check(principal);
    }

    /** The session {@code id} if it was opened with {@code transport} by {@code principal} (null: anonymous). */
    public Optional<Session> find(String id, Transport transport, String principal) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        return store.find(id).filter(s -> s.transport() == transport)
                .filter(s -> Objects.equals(s.principal(), principal));
    }

    public Optional<Session> update(String id, UnaryOperator<Session> change) {
        return store.update(id, change);
    }

    /** Ends the session on every node: its streams close, its running requests are cancelled. */
    public boolean delete(String id) {
        Optional<Session> removed = store.remove(id);
        removed.ifPresent(s -> signals.broadcast(new Signal(Signal.Type.SESSION_CLOSED, id, JsonValue.NULL)));
        return removed.isPresent();
    }
}
