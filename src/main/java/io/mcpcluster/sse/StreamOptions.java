package io.mcpcluster.sse;

/**
 * How one {@link SseStream} behaves.
 *
 * @param firstSeq         the sequence number of the first event to write
 * @param responsesOwed    responses after which a request stream ends (ignored when {@code endless})
 * @param endless          a standalone stream (Streamable GET, legacy SSE): ends only when closed
 * @param jsonAllowed      the only response owed may be answered as plain JSON when it comes first
 * @param priming          written first when the answer becomes an event stream (SEP-1699), or null
 * @param gapTimeoutMillis how long a missing event is waited for before it is looked up in the log
 */
public record StreamOptions(long firstSeq, int responsesOwed, boolean endless, boolean jsonAllowed, byte[] priming,
                            long gapTimeoutMillis) {

    /** A standalone stream that writes from {@code firstSeq} on and ends only when closed. */
    public static StreamOptions endless(long firstSeq, long gapTimeoutMillis) {
        return new StreamOptions(firstSeq, 0, true, false, null, gapTimeoutMillis);
    }
}
