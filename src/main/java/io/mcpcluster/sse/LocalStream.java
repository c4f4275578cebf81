package io.mcpcluster.sse;

/**
 * An open connection on this node that writes one stream's events to a client. Implementations
 * must not block: {@link #deliver} may run on a JGroups thread.
 */
public interface LocalStream {
    String streamId();

    String sessionId();

    /**
     * Writes event {@code seq} in sequence order (events may arrive out of order or twice; the stream
     * reorders and drops duplicates). {@code response} marks a JSON-RPC response.
     */
    void deliver(long seq, String json, boolean response);

    /** The last event handed to the socket (the client may not have read it). */
    long flushedSeq();

    /** Sends a comment frame so that proxies keep the connection open. */
    void keepAlive();

    /**
     * True while nothing was written and a response would be answered as one plain JSON body: such a
     * response cannot be resumed, so it need not be logged.
     */
    boolean acceptsUnloggedResponse();

    /** Sends {@code retry:} and ends the connection; the stream itself goes on (SEP-1699 polling). */
    void closeForPolling(long retryMillis);

    /** Ends the connection (idempotent). */
    void close();
}
