package io.mcpcluster.sse;

import jakarta.servlet.http.HttpServletResponse;

import java.nio.charset.StandardCharsets;

/**
 * What one response turns into, decided by its first event: one {@code application/json} body (the
 * only response a request stream owes came first, and JSON is allowed) or an event stream (anything
 * else). Also counts the responses a request stream still owes: it ends after the last one. Not thread
 * safe: the owning {@link SseStream} calls it under its lock.
 */
public final class ResponseMode {
    private enum Kind { UNDECIDED, SSE, JSON }

    private final HttpServletResponse response;
    private final boolean endless;
    private final boolean jsonAllowed;
    private final byte[] priming;
    private int responsesOwed;
    private Kind kind = Kind.UNDECIDED;

    ResponseMode(HttpServletResponse response, StreamOptions options) {
        this.response = response;
        this.endless = options.endless();
        this.responsesOwed = options.responsesOwed();
        this.jsonAllowed = options.jsonAllowed() && !endless && responsesOwed == 1;
        this.priming = options.priming();
    }

    /**
     * Queues the frames of event {@code id}; returns true when the stream has written everything it
     * owes and should end once they are flushed.
     */
    boolean emit(EventId id, String json, boolean isResponse, FrameQueue queue) {
        if (kind == Kind.UNDECIDED && isResponse && jsonAllowed) {
            kind = Kind.JSON;
            responsesOwed = 0;
            if (response.getStatus() < HttpServletResponse.SC_BAD_REQUEST) {
                response.setStatus(HttpServletResponse.SC_OK); // a refusal decided before the body keeps its 4xx
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            queue.addEvent(json.getBytes(StandardCharsets.UTF_8), id.seq());
            return true;
        }
        switchToSse(queue);
        queue.addEvent(SseFrameEncoder.encode(id.toString(), "message", json), id.seq());
        return isResponse && !endless && --responsesOwed <= 0;
    }

    /** Commits the response as an event stream (headers, then the priming event if any). */
    void switchToSse(FrameQueue queue) {
        if (kind != Kind.UNDECIDED) {
            return;
        }
        kind = Kind.SSE;
        commitAsEventStream(response);
        if (priming != null) {
            queue.add(priming);
        }
    }

    /** The status and headers of an event stream; proxies must neither buffer nor transform it. */
    public static void commitAsEventStream(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-transform");
        response.setHeader("X-Accel-Buffering", "no");
    }

    boolean isUndecided() {
        return kind == Kind.UNDECIDED;
    }

    boolean isJson() {
        return kind == Kind.JSON;
    }

    boolean isEventStream() {
        return kind == Kind.SSE;
    }

    /** True while nothing decided the mode and the first response may still be a plain JSON body. */
    boolean mayAnswerJson() {
        return kind == Kind.UNDECIDED && jsonAllowed;
    }

    /** A request stream that wrote every response it owed: nothing is left to resume. */
    boolean isFinished() {
        return !endless && responsesOwed <= 0;
    }
}
