package io.mcpcluster.stream;

import jakarta.json.JsonObject;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The cluster's log of outbound messages. Every message becomes an event {@code (stream, seq)} before
 * it is written, so that any node can replay it after {@code Last-Event-ID}; the event is then
 * delivered to the node that holds the stream (directly when that is this node, else through the
 * holder's listener), which writes the events of a stream in sequence order.
 *
 * <p>Thread safety: any thread, but not a container I/O or JGroups thread.
 */
public interface EventLog {

    /**
     * Appends {@code message} to the stream's log and delivers it to the stream's holder. Completes with
     * the event's sequence number; fails if the stream is unknown.
     */
    CompletionStage<Long> send(String streamId, JsonObject message);

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
}
