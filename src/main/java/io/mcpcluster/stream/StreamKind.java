package io.mcpcluster.stream;

/** What a stream carries, which decides when it ends. */
public enum StreamKind {
    /** The answer of one Streamable POST: ends after the responses it owes. */
    POST,
    /** A Streamable GET stream or a legacy SSE stream: ends only when closed. */
    STANDALONE
}
