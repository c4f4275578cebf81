package io.mcpcluster.sse;

import io.mcpcluster.session.LocalStream;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open response that carries a stream's events, written with non-blocking servlet I/O (no thread
 * waits on a slow client). Built like Jetty's {@code EventSourceEmitter}: frames go through one lock
 * (methods named {@code locked…} need it), {@link #close()} runs once, and the first failed write fails
 * every later one.
 *
 * <p>Events arrive from any thread, possibly out of order (several nodes write one stream) or twice
 * (retried cache writes). They are written in sequence order, each exactly once. A gap that stays open
 * longer than {@code gapTimeoutMillis} (a writer died between taking a number and storing the event)
 * is skipped.
 *
 * <p>A stream of a Streamable HTTP POST ends after it wrote the responses it owes. When the first
 * event is the only response owed and {@code jsonAllowed}, it is answered as one
 * {@code application/json} body instead of an event stream.
 */
public final class SseStream implements LocalStream, WriteListener, AsyncListener {
    private static final Logger LOG = Logger.getLogger(SseStream.class.getName());

    private enum Mode { UNDECIDED, SSE, JSON }

    private record Pending(String json, boolean response, long arrivedAt) {
    }

    private final String streamId;
    private final String sessionId;
    private final AsyncContext async;
    private final HttpServletResponse response;
    private final boolean jsonAllowed;
    private final boolean standalone;
    private final long gapTimeoutMillis;
    private final Consumer<SseStream> onClose;
    private final Object lock = new Object();
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final TreeMap<Long, Pending> early = new TreeMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private ServletOutputStream out;
    private Mode mode;
    private long nextSeq;
    private int responsesOwed;
    private boolean unflushed;
    private boolean completeWhenDrained;
    private IOException failure;

    /**
     * @param firstSeq      the sequence number of the first event to write
     * @param responsesOwed responses after which the stream ends; 0 for a stream with no end (GET, legacy)
     */
    public SseStream(String streamId, String sessionId, AsyncContext async, long firstSeq, int responsesOwed,
                     boolean jsonAllowed, long gapTimeoutMillis, Consumer<SseStream> onClose) {
        this.streamId = streamId;
        this.sessionId = sessionId;
        this.async = async;
        this.response = (HttpServletResponse) async.getResponse();
        this.nextSeq = firstSeq;
        this.responsesOwed = responsesOwed;
        this.standalone = responsesOwed == 0;
        this.jsonAllowed = jsonAllowed && responsesOwed == 1;
        this.gapTimeoutMillis = gapTimeoutMillis;
        this.onClose = onClose;
        this.mode = Mode.UNDECIDED;
    }

    /** Hooks the stream to its connection; frames sent before this are queued. */
    public void start() throws IOException {
        synchronized (lock) {
            async.addListener(this);
            out = response.getOutputStream();
            out.setWriteListener(this);
        }
    }

    @Override
    public String streamId() {
        return streamId;
    }

    @Override
    public boolean isStandalone() {
        return standalone;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    /** Commits the response as an event stream now (GET streams: the client waits for the headers). */
    public void openAsEventStream(byte[] firstFrame) {
        synchronized (lock) {
            lockedSwitchToSse();
            queue.add(firstFrame);
            lockedFlush();
        }
    }

    /** Writes a frame that is not an event of the log (endpoint, priming, retry), in order with events. */
    public void sendRaw(byte[] frame) {
        synchronized (lock) {
            lockedSwitchToSse();
            queue.add(frame);
            lockedFlush();
        }
    }

    @Override
    public void deliver(long seq, String json, boolean isResponse) {
        synchronized (lock) {
            if (closed.get() || seq < nextSeq || mode == Mode.JSON) {
                return;
            }
            early.putIfAbsent(seq, new Pending(json, isResponse, System.currentTimeMillis()));
            lockedDrainInOrder();
            lockedFlush();
        }
    }

    @Override
    public void keepAlive() {
        synchronized (lock) {
            if (!early.isEmpty() && System.currentTimeMillis() - early.firstEntry().getValue().arrivedAt()
                    > gapTimeoutMillis) {
                LOG.warning(() -> "Stream " + streamId + ": skipping events " + nextSeq + ".."
                        + (early.firstKey() - 1) + " that never arrived");
                nextSeq = early.firstKey();
                lockedDrainInOrder();
            }
            if (mode == Mode.SSE && queue.isEmpty()) {
                queue.add(SseFrameEncoder.keepAlive());
            }
            lockedFlush();
        }
    }

    /** The last sequence number written (or queued) on this connection. */
    public long lastWrittenSeq() {
        synchronized (lock) {
            return nextSeq - 1;
        }
    }

    private void lockedDrainInOrder() {
        assert Thread.holdsLock(lock);
        Pending p;
        while ((p = early.remove(nextSeq)) != null) {
            lockedEmit(nextSeq, p);
            nextSeq++;
            if (completeWhenDrained) {
                early.clear();
                return;
            }
        }
    }

    private void lockedEmit(long seq, Pending p) {
        assert Thread.holdsLock(lock);
        if (mode == Mode.UNDECIDED && p.response() && jsonAllowed) {
            mode = Mode.JSON;
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            queue.add(p.json().getBytes(StandardCharsets.UTF_8));
            completeWhenDrained = true;
            return;
        }
        lockedSwitchToSse();
        queue.add(SseFrameEncoder.encode(streamId + "." + seq, "message", p.json()));
        if (p.response() && responsesOwed > 0 && --responsesOwed == 0) {
            completeWhenDrained = true;
        }
    }

    private void lockedSwitchToSse() {
        assert Thread.holdsLock(lock);
        if (mode == Mode.UNDECIDED) {
            mode = Mode.SSE;
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("text/event-stream");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-cache, no-transform");
            response.setHeader("X-Accel-Buffering", "no");
        }
    }

    private void lockedFlush() {
        assert Thread.holdsLock(lock);
        if (out == null || closed.get()) {
            return;
        }
        try {
            if (failure != null) {
                throw failure;
            }
            while (out.isReady()) {
                byte[] frame = queue.poll();
                if (frame != null) {
                    out.write(frame);
                    unflushed = true;
                } else if (unflushed) {
                    unflushed = false;
                    out.flush();
                } else {
                    if (completeWhenDrained) {
                        close();
                    }
                    return;
                }
            }
        } catch (IOException | IllegalStateException e) {
            if (failure == null) {
                failure = e instanceof IOException io ? io : new IOException(e);
                LOG.log(Level.FINE, "Stream " + streamId + " write failed", e);
            }
            close();
        }
    }

    @Override
    public void onWritePossible() {
        synchronized (lock) {
            lockedFlush();
        }
    }

    @Override
    public void onError(Throwable t) {
        synchronized (lock) {
            if (failure == null) {
                failure = t instanceof IOException io ? io : new IOException(t);
            }
        }
        close();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // The container completed the request first (client gone, timeout): nothing left to end.
        }
        onClose.accept(this);
    }

    /** Ends the stream after the frames already queued are written. */
    public void closeAfterDrain() {
        synchronized (lock) {
            completeWhenDrained = true;
            lockedFlush();
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // The stream is built after startAsync; a re-dispatch never happens.
    }

    /** For tests and metrics: how many events wait for an earlier one. */
    Map<Long, ?> waitingEvents() {
        synchronized (lock) {
            return Map.copyOf(early);
        }
    }
}
