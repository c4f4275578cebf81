package io.mcpcluster.sse;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.logging.Logger;

/**
 * The frames a stream has yet to write, their size in bytes (and the most it ever held), and how far its
 * events got: the last event written to the connection, and the last one flushed (handed to the socket).
 * Not thread safe: the owning {@link SseStream} uses it under its lock.
 */
final class FrameQueue {
    private static final Logger LOG = Logger.getLogger(FrameQueue.class.getName());
    private record Frame(byte[] bytes, long seq) { }

    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private long writtenSeq;
    private long flushedSeq;
    private long bytes;
    private long peakBytes;

    /** A frame that is no event of the log (endpoint, priming, retry, comment). */
    void add(byte[] frame) {
        addEvent(frame, 0);
    }

    void addEvent(byte[] frame, long seq) {
        frames.add(new Frame(frame, seq));
        bytes += frame.length;
        peakBytes = Math.max(peakBytes, bytes);
    }

    /** Bytes queued and not yet written. */
    long bytes() {
        return bytes;
    }

    /** The most bytes this queue ever held at once. */
    long peakBytes() {
        return peakBytes;
    }

    /** More than {@code maxBytes} wait in more than one frame (one large event alone may go). */
    boolean exceeds(long maxBytes) {
        return bytes > maxBytes && frames.size() > 1;
    }

    /**
     * Gives up on a client that fell behind: frees every frame now (not when the container lets go of the
     * connection), says so in one log line, and returns the failure that ends the connection.
     */
    IOException drop(String streamId, long maxBytes) {
        LOG.warning("Stream " + streamId + " dropped: its reader fell behind with " + bytes + " bytes queued (limit "
                + maxBytes + ", most ever " + peakBytes + "); it may resume after event " + flushedSeq);
        frames.clear();
        bytes = 0;
        return new IOException("reader fell behind");
    }

    boolean isEmpty() {
        return frames.isEmpty();
    }

    /** The next frame's bytes, or null; its event counts as written. */
    byte[] poll() {
        Frame f = frames.poll();
        if (f == null) {
            return null;
        }
        writtenSeq = Math.max(writtenSeq, f.seq());
        bytes -= f.bytes().length;
        return f.bytes();
    }

    /** Everything written so far reached the socket. */
    void flushed() {
        flushedSeq = writtenSeq;
    }

    /** The last event handed to the connection (it may sit in the container's buffer). */
    long writtenSeq() {
        return writtenSeq;
    }

    long flushedSeq() {
        return flushedSeq;
    }
}
