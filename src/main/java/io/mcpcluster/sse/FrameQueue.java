package io.mcpcluster.sse;

import java.util.ArrayDeque;

/**
 * The frames a stream has yet to write, and how far its events got: the last event written to the
 * connection, and the last one flushed (handed to the socket). Not thread safe: the owning
 * {@link SseStream} uses it under its lock.
 */
final class FrameQueue {
    private record Frame(byte[] bytes, long seq) { }

    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private long writtenSeq;
    private long flushedSeq;

    /** A frame that is no event of the log (endpoint, priming, retry, comment). */
    void add(byte[] frame) {
        frames.add(new Frame(frame, 0));
    }

    void addEvent(byte[] frame, long seq) {
        frames.add(new Frame(frame, seq));
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
        return f.bytes();
    }

    /** Everything written so far reached the socket. */
    void flushed() {
        flushedSeq = writtenSeq;
    }

    long flushedSeq() {
        return flushedSeq;
    }
}
