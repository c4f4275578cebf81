package io.mcpcluster.session;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Cluster-wide session records. Every method is safe from any thread and any node; a record read on
 * one node reflects every completed write on every other node. Reading a session counts as activity
 * for its idle timeout.
 */
public interface SessionStore {

    /** Stores a new record; the id must be fresh (ids are 128-bit random). */
    void create(Session session);

    Optional<Session> find(String id);

    /**
     * Applies {@code change} atomically (compare-and-set, retried on conflict; {@code change} may run
     * more than once). Returns the stored result, or empty when the session does not exist.
     */
    Optional<Session> update(String id, UnaryOperator<Session> change);

    /** Which of {@code ids} still exist; not counted as activity (no lifespan is renewed). */
    java.util.Set<String> existing(java.util.Collection<String> ids);

    /** Ends the session; returns the record that was removed, if any. */
    Optional<Session> remove(String id);

    /**
     * Visits every session of the cluster that has a standalone stream (open, or detached and
     * resumable). Walks the whole cache: for rare broadcasts only.
     */
    void forEachWithStandaloneStream(java.util.function.Consumer<Session> visitor);

    /** Resets the idle clock without reading the record (used while a stream is open). */
    void touch(String id);
}
