package io.mcpcluster.session;

import jakarta.json.JsonObject;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Moves outbound messages to the node that holds the client's stream, and control signals between
 * nodes. Every outbound message becomes an event {@code (stream, seq)} in the cluster's event log
 * before it is written, so that any node can replay it after {@code Last-Event-ID}.
 *
 * <p>Thread safety: every method may be called from any thread. None blocks on the network for a
 * remote delivery; {@link #send} completes when the event is stored.
 */
public interface MessageRouter {

    /** This node's name in the cluster. */
    String nodeName();

    /** Records a new stream of {@code sessionId}, held by this node; returns its unguessable id. */
    String openStream(String sessionId, StreamKind kind);

    /**
     * Appends {@code message} to the stream's log and delivers it to the stream's holder, in order.
     * Completes with the event's sequence number; fails if the stream is unknown.
     */
    CompletionStage<Long> send(String streamId, JsonObject message);

    /** Takes the stream over for this node (resumption); returns the record, or null if it is unknown. */
    StreamRecord claim(String streamId);

    StreamRecord findStream(String streamId);

    /** The stream is finished: its record and events go. */
    void closeStream(String streamId);

    /** The events of {@code streamId} after {@code afterSeq}, in order, to {@code sink}; returns the last seq. */
    long replay(String streamId, long afterSeq, Consumer<Event> sink);

    /** Sends {@code signal} to one node, or to all when {@code node} is null. */
    void signal(String node, Signal signal);

    /** One logged outbound message. */
    record Event(String streamId, long seq, String json, boolean response) {
    }

    enum StreamKind { POST, STANDALONE }
}
