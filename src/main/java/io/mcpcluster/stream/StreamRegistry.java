package io.mcpcluster.stream;

import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The cluster's records of streams ({@link StreamRecord}): which node holds each one, its next
 * sequence number, and the responses it still owes. Changes are compare-and-set, so that any node can
 * take a stream over or answer for a node that died.
 *
 * <p>Thread safety: any thread, but not a container I/O or JGroups thread (calls may wait for other
 * nodes).
 */
public interface StreamRegistry {

    /**
     * Records a new stream of {@code sessionId}, held by this node, that owes responses to
     * {@code requestIds} (JSON text of the ids; empty for a standalone stream); returns its unguessable id.
     * A POST stream is stored in the cluster only when it first needs to be (an event that could be
     * resumed): a request answered with one plain JSON body costs no cache write at all.
     */
    String open(String sessionId, StreamKind kind, Collection<String> requestIds);

    /** Stores a POST stream now if it was not yet (before its event ids are shown to the client). */
    void ensureStored(String streamId);

    /** The record, or null when the stream is unknown (never existed, finished, or expired). */
    StreamRecord find(String streamId);

    /**
     * Applies {@code change} by compare-and-set ({@code change} may run more than once); returns the
     * record before the change, or null when the stream is unknown.
     */
    StreamRecord update(String streamId, UnaryOperator<StreamRecord> change);

    /**
     * The connection of this node ended: keep the stream for a later resume, with the last event its
     * socket took ({@code deliveredSeq}) for a client that comes back without {@code Last-Event-ID}.
     */
    void detach(String streamId, long deliveredSeq);

    /** The stream is finished: its record goes; returns it, or null if it was gone already. */
    StreamRecord remove(String streamId);

    /**
     * Every stream that owes a response to a request executed by one of {@code nodes}, or whose recent
     * answers one of them was writing. Walks the cache.
     */
    List<StreamRecord> owingResponsesFrom(Collection<String> nodes);
}
