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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * longer than {@code gapTimeoutMillis} is looked up in the log, and skipped after three times that (a
 * writer died between taking a number and storing the event).
 *
 * <p>A stream of a Streamable HTTP POST ends after it wrote the responses it owes. When the first
 * event is the only response owed and {@code jsonAllowed}, it is answered as one
 * {@code application/json} body instead of an event stream.
 */
public final class SseStream implements LocalStream, WriteListener, AsyncListener {
    private static final Logger LOG = Logger.getLogger(SseStream.class.getName());

    private enum Mode { UNDECIDED, SSE, JSON }

    private record Pending(String json, boolean response) {
    }

    /**
     * How a stream behaves.
     *
     * @param firstSeq      the sequence number of the first event to write
     * @param responsesOwed responses after which a request stream ends (ignored when {@code endless})
     * @param endless       a standalone stream (Streamable GET, legacy SSE): ends only when closed
     * @param jsonAllowed   the only response owed may be answered as plain JSON when it comes first
     * @param priming       written first when the answer becomes an event stream (SEP-1699), or null
     */
    public record Options(long firstSeq, int responsesOwed, boolean endless, boolean jsonAllowed, byte[] priming,
                          long gapTimeoutMillis) {
    }

    private final String streamId;
    private final String sessionId;
    private final AsyncContext async;
    private final HttpServletResponse response;
    private final boolean jsonAllowed;
    private final boolean endless;
    private final byte[] priming;
    private final long gapTimeoutMillis;
    private final Runnable onGap;
    private final Consumer<SseStream> onClose;
    private final ScheduledExecutorService scheduler;
    private boolean gapCheckScheduled;
    private final Object lock = new Object();
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final SequencedEvents<Pending> events;
    private final AtomicBoolean closed = new AtomicBoolean();
    private ServletOutputStream out;
    private Mode mode;
    private int responsesOwed;
    private boolean unflushed;
    private boolean completeWhenDrained;
    private IOException failure;

    /**
     * @param onGap   asked to fetch missing events from the log when a gap waited {@code gapTimeoutMillis}
     * @param onClose runs once when the connection ends, for whatever reason
     */
    public SseStream(String streamId, String sessionId, AsyncContext async, Options options, Runnable onGap,
                     Consumer<SseStream> onClose, ScheduledExecutorService scheduler) {
        this.streamId = streamId;
        this.sessionId = sessionId;
        this.async = async;
        this.response = (HttpServletResponse) async.getResponse();
        this.events = new SequencedEvents<>(options.firstSeq());
        this.responsesOwed = options.responsesOwed();
        this.endless = options.endless();
        this.jsonAllowed = options.jsonAllowed() && !endless && responsesOwed == 1;
        this.priming = options.priming();
        this.gapTimeoutMillis = options.gapTimeoutMillis();
        this.onGap = onGap;
        this.onClose = onClose;
        this.scheduler = scheduler;
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
    public boolean acceptsUnloggedResponse() {
        synchronized (lock) {
            return mode == Mode.UNDECIDED && jsonAllowed && events.nextSeq() == 1 && !events.hasWaiting();
        }
    }

    /** True when a request stream wrote every response it owed: nothing is left to resume. */
    public boolean isFinished() {
        synchronized (lock) {
            return !endless && responsesOwed <= 0;
        }
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
            if (closed.get() || mode == Mode.JSON
                    || !events.offer(seq, new Pending(json, isResponse), System.currentTimeMillis())) {
                return;
            }
            lockedDrainInOrder();
            lockedScheduleGapCheck(gapTimeoutMillis);
            lockedFlush();
        }
    }

    private void lockedScheduleGapCheck(long delayMillis) {
        assert Thread.holdsLock(lock);
        if (events.hasWaiting() && !gapCheckScheduled && !closed.get()) {
            gapCheckScheduled = true;
            scheduler.schedule(this::checkGap, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * An event is missing while later ones wait. First ask for it from the log (it may have been
     * addressed to a previous holder); if it is still missing after three timeouts, its writer died
     * between taking the number and storing the event: skip the hole.
     */
    private void checkGap() {
        synchronized (lock) {
            gapCheckScheduled = false;
            if (!events.hasWaiting() || closed.get()) {
                return;
            }
            long waited = System.currentTimeMillis() - events.oldestWaitingSince();
            if (waited >= 3 * gapTimeoutMillis) {
                long from = events.skipGap();
                LOG.warning(() -> "Stream " + streamId + ": skipped events " + from + ".." + (events.nextSeq() - 1)
                        + ", which are not in the log");
                lockedDrainInOrder();
                lockedFlush();
            } else if (waited >= gapTimeoutMillis) {
                onGap.run();
            }
            lockedScheduleGapCheck(gapTimeoutMillis);
        }
    }

    @Override
    public void keepAlive() {
        synchronized (lock) {
            if (mode == Mode.SSE && queue.isEmpty()) {
                queue.add(SseFrameEncoder.keepAlive());
            }
            lockedFlush();
        }
    }

    /** The last sequence number written (or queued) on this connection. */
    public long lastWrittenSeq() {
        synchronized (lock) {
            return events.nextSeq() - 1;
        }
    }

    private void lockedDrainInOrder() {
        assert Thread.holdsLock(lock);
        Pending p;
        while ((p = events.pollInOrder()) != null) {
            lockedEmit(events.nextSeq() - 1, p);
            if (completeWhenDrained) {
                events.clear();
                return;
            }
        }
    }

    private void lockedEmit(long seq, Pending p) {
        assert Thread.holdsLock(lock);
        if (mode == Mode.UNDECIDED && p.response() && jsonAllowed) {
            mode = Mode.JSON;
            responsesOwed = 0;
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            queue.add(p.json().getBytes(StandardCharsets.UTF_8));
            completeWhenDrained = true;
            return;
        }
        lockedSwitchToSse();
        queue.add(SseFrameEncoder.encode(streamId + "." + seq, "message", p.json()));
        if (p.response() && !endless && --responsesOwed <= 0) {
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
            if (priming != null) {
                queue.add(priming);
            }
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

    /**
     * SEP-1699 polling: tells the client when to come back ({@code retry:}) and ends this connection,
     * keeping the stream; the client resumes it with {@code Last-Event-ID}, on any node.
     */
    @Override
    public void closeForPolling(long retryMillis) {
        synchronized (lock) {
            if (mode == Mode.JSON || closed.get()) {
                return;
            }
            lockedSwitchToSse();
            queue.add(SseFrameEncoder.retry(retryMillis));
            completeWhenDrained = true;
            lockedFlush();
        }
    }

    /** Ends the stream after the frames already queued are written. */
    public void closeAfterDrain() {
        synchronized (lock) {
            completeWhenDrained = true;
            lockedFlush();
        }
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
}
