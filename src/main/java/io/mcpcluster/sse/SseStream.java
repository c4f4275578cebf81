package io.mcpcluster.sse;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open response that carries a stream's events, written with non-blocking servlet I/O (no thread
 * waits on a slow client). Built like Jetty's {@code EventSourceEmitter}: frames go through one lock
 * (methods named {@code locked…} need it), {@link #close()} runs once and never under the lock (it
 * completes the async context, which calls back into container code), and the first failed write
 * fails every later one. {@link Backpressure} bounds what waits for a slow client.
 *
 * <p>Events arrive from any thread, possibly out of order (several nodes write one stream) or twice
 * (retried cache writes): {@link SequencedEvents} puts them in order, {@link GapWatch} deals with
 * missing ones, and {@link ResponseMode} decides whether the answer is one JSON body or an event
 * stream. Each event is written as
 * <pre>
 * id: &lt;stream&gt;.&lt;seq&gt;
 * event: message
 * data: {"jsonrpc":"2.0",…}
 *
 * </pre>
 */
public final class SseStream implements LocalStream, WriteListener {
    private static final Logger LOG = Logger.getLogger(SseStream.class.getName());
    private record Pending(String json, boolean response) { }

    private final String streamId;
    private final String sessionId;
    private final AsyncContext async;
    private final Runnable onGap;
    private final Consumer<SseStream> onClose;
    private final Object lock = new Object();
    private final FrameQueue queue = new FrameQueue();
    private final SequencedEvents<Pending> events;
    private final ResponseMode mode;
    private final GapWatch gaps;
    private final Backpressure backpressure;
    private final AtomicBoolean closed = new AtomicBoolean();
    private ServletOutputStream out;
    private boolean unflushed;
    private boolean completeWhenDrained;
    private IOException failure;

    /** {@code onGap} refills from the log (null: the events are in no log); {@code onClose} runs once, at the end. */
    public SseStream(String streamId, String sessionId, AsyncContext async, StreamOptions options, long maxQueuedBytes,
                     Runnable onGap, Consumer<SseStream> onClose, ScheduledExecutorService scheduler) {
        this.backpressure = new Backpressure(maxQueuedBytes, onGap);
        this.streamId = streamId;
        this.sessionId = sessionId;
        this.async = async;
        this.onGap = onGap;
        this.onClose = onClose;
        this.events = new SequencedEvents<>(options.firstSeq());
        this.mode = new ResponseMode((HttpServletResponse) async.getResponse(), options);
        this.gaps = new GapWatch(scheduler, options.gapTimeoutMillis(), this::checkGap);
    }

    public void start() throws IOException {
        synchronized (lock) {
            async.addListener(new ClosesOnEnd(this::close));
            out = async.getResponse().getOutputStream();
            out.setWriteListener(this);
        }
    }

    @Override
    public String streamId() {
        return streamId;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    /** The last event handed to the socket (not necessarily read by the client). */
    public long flushedSeq() {
        synchronized (lock) {
            return queue.flushedSeq();
        }
    }

    @Override
    public boolean acceptsUnloggedResponse() {
        synchronized (lock) {
            return mode.mayAnswerJson() && events.nextSeq() == 1 && !events.hasWaiting();
        }
    }

    /** True when a request stream wrote every response it owed: nothing is left to resume. */
    public boolean isFinished() {
        synchronized (lock) {
            return mode.isFinished();
        }
    }

    public long lastWrittenSeq() {
        synchronized (lock) {
            return events.nextSeq() - 1;
        }
    }

    /** Commits the response as an event stream now: a GET's client waits for the headers. */
    public void openAsEventStream(byte[] firstFrame) {
        boolean done;
        synchronized (lock) {
            mode.switchToSse(queue);
            queue.add(firstFrame);
            done = lockedFlush();
        }
        closeIf(done);
    }

    @Override
    public void deliver(long seq, String json, boolean isResponse) {
        boolean done;
        synchronized (lock) {
            if (closed.get() || mode.isJson() || backpressure.leavesInLog(queue)
                    || !events.offer(seq, new Pending(json, isResponse), System.currentTimeMillis())) {
                return;
            }
            lockedDrainInOrder();
            gaps.watch(events.hasWaiting());
            done = lockedFlush();
        }
        closeIf(done);
    }

    private void checkGap() {
        boolean fetch = false;
        boolean done = false;
        synchronized (lock) {
            long waited = events.hasWaiting() ? System.currentTimeMillis() - events.oldestWaitingSince() : 0;
            GapWatch.Action action = gaps.onCheck(waited);
            if (closed.get() || !events.hasWaiting()) {
                return;
            }
            if (action == GapWatch.Action.SKIP) {
                long from = events.skipGap();
                LOG.warning(() -> "Stream " + streamId + ": skipped events " + from + ".." + (events.nextSeq() - 1)
                        + ", which are not in the log");
                lockedDrainInOrder();
                done = lockedFlush();
            }
            fetch = action == GapWatch.Action.FETCH;
            gaps.watch(events.hasWaiting());
        }
        if (fetch && onGap != null) {
            onGap.run();
        }
        closeIf(done);
    }

    /** Events up to {@code seq} exist (numbered before this node took the stream over): wait for them. */
    public void expectThrough(long seq) {
        synchronized (lock) {
            events.expectThrough(seq, System.currentTimeMillis());
            gaps.watch(events.hasWaiting());
        }
    }

    @Override
    public void keepAlive() {
        boolean done;
        synchronized (lock) {
            if (mode.isEventStream() && queue.isEmpty()) {
                queue.add(SseFrameEncoder.keepAlive());
            }
            boolean stalled = failure == null && backpressure.stalled(queue);
            failure = stalled ? queue.drop(streamId, backpressure.maxQueuedBytes()) : failure;
            done = lockedFlush();
        }
        closeIf(done);
    }

    /**
     * SEP-1699 polling: tells the client when to come back ({@code retry:}) and ends this connection,
     * keeping the stream; the client resumes it with {@code Last-Event-ID}, on any node.
     */
    @Override
    public void closeForPolling(long retryMillis) {
        boolean done;
        synchronized (lock) {
            if (mode.isJson() || closed.get()) {
                return;
            }
            mode.switchToSse(queue);
            queue.add(SseFrameEncoder.retry(retryMillis));
            completeWhenDrained = true;
            done = lockedFlush();
        }
        closeIf(done);
    }

    public void closeAfterDrain() {
        boolean done;
        synchronized (lock) {
            completeWhenDrained = true;
            done = lockedFlush();
        }
        closeIf(done);
    }

    private void lockedDrainInOrder() {
        assert Thread.holdsLock(lock);
        Pending p;
        while ((p = events.pollInOrder()) != null) {
            if (mode.emit(new EventId(streamId, events.nextSeq() - 1), p.json(), p.response(), queue)) {
                completeWhenDrained = true;
                events.clear();
                return;
            }
        }
    }

    /** Writes what the connection takes now; true when the connection should end (all written, failed, behind). */
    private boolean lockedFlush() {
        assert Thread.holdsLock(lock);
        if (out == null || closed.get()) {
            return false;
        }
        try {
            if (failure != null) {
                throw failure;
            }
            if (backpressure.overflows(queue, out.isReady())) {
                throw queue.drop(streamId, backpressure.maxQueuedBytes());
            }
            while (out.isReady()) {
                byte[] frame = queue.poll();
                if (frame != null) {
                    out.write(frame);
                    unflushed = true;
                } else if (unflushed) {
                    unflushed = false;
                    out.flush();
                    queue.flushed();
                } else {
                    backpressure.drained();
                    return completeWhenDrained;
                }
            }
            return false;
        } catch (IOException | IllegalStateException e) {
            if (failure == null) {
                failure = e instanceof IOException io ? io : new IOException(e);
                LOG.log(Level.FINE, "Stream " + streamId + " write failed", e);
            }
            return true;
        }
    }

    private void closeIf(boolean done) {
        if (done) {
            close(); // outside the lock: complete() calls into the container
        }
    }

    @Override
    public void onWritePossible() {
        boolean done;
        synchronized (lock) {
            done = lockedFlush();
        }
        closeIf(done);
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
}
