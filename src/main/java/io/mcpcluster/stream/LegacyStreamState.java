package io.mcpcluster.stream;

/** The state of a legacy session's stream, as a POST of that session finds it. */
public enum LegacyStreamState {
    /** A live node holds its connection. */
    LIVE,
    /** Its connection is gone, for less than the grace period: answers wait in the log for the client. */
    ORPHANED,
    /** Gone for longer than the grace period (or never found): the client is not coming back. */
    LOST
}
