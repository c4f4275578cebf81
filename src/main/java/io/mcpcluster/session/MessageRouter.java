package io.mcpcluster.session;

import jakarta.json.JsonObject;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Moves outbound messages to the node that holds the client's stream, and control signals between
 * nodes. Every outbound message becomes an event {@code (stream, seq)} in the cluster's event log
 * before it is written, so that any node can replay it after {@code Last-Event-ID}.
 *
 * <p>Thread safety: every method may be called from any thread, but not from a container I/O or a
 * JGroups thread: cache operations may wait for other nodes. None waits for a client.
 */
public interface MessageRouter {

    /** This node's name in the cluster. */
    String nodeName();

    /** Whether {@code node} is a current member (a stream held by a dead node may be taken over). */
    boolean isMember(String node);

    /** The names of the current members; just this node's when it runs alone on a local cache. */
    List<String> members();

    /**
     * Records a new stream of {@code sessionId}, held by this node, that owes responses to
     * {@code requestIds} (JSON text of the ids; empty for a standalone stream); returns its unguessable id.
     * A POST stream is stored in the cluster only when it first needs to be (an event that could be
     * resumed): a request answered with one plain JSON body costs no cache write at all.
     */
    String openStream(String sessionId, StreamKind kind, Collection<String> requestIds);

    /** Stores a POST stream now if it was not yet (before its event ids are shown to the client). */
    void ensureStored(String streamId);

    /** The stream owes a response to {@code requestId}, executed by this node (legacy SSE requests). */
    void expectResponse(String streamId, String requestId);

    /**
     * Appends {@code message} to the stream's log and delivers it to the stream's holder, in order.
     * Completes with the event's sequence number; fails if the stream is unknown.
     */
    CompletionStage<Long> send(String streamId, JsonObject message);

    /** Takes the stream over for this node (resumption); returns the record, or null if it is unknown. */
    StreamRecord claim(String streamId);

    /** The connection of this node ended before the stream did: keep the stream for a later resume. */
    void detach(String streamId);

    StreamRecord findStream(String streamId);

    /** The stream is finished: its record and events go. */
    void closeStream(String streamId);

    /** The retained events of {@code streamId} after {@code afterSeq}, in order (gaps where events expired). */
    List<Event> eventsAfter(String streamId, long afterSeq);

    /**
     * False when events after {@code afterSeq} were dropped by retention (count per stream or age), so
     * that a resume from there would miss some. A hole left by a writer that died between taking a
     * number and storing its event does not count: that event never existed.
     */
    boolean retainsEventsAfter(StreamRecord record, long afterSeq);

    /** The client has seen everything up to {@code seq}: those events may go. */
    void acknowledge(String streamId, long seq);

    /** Sends {@code signal} to one node, or to all when {@code node} is null. */
    void signal(String node, Signal signal);

    /** One logged outbound message. */
    record Event(String streamId, long seq, String json, boolean response) {
    }

    enum StreamKind { POST, STANDALONE }
}
