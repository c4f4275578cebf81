package io.mcpcluster.node;

/** A request the {@link FairRequestPool} did not take: its session is at its limit, or the node is full. */
public final class RequestRefused extends RuntimeException {
    private final boolean sessionLimit;

    RequestRefused(boolean sessionLimit, String message) {
        super(message, null, false, false);
        this.sessionLimit = sessionLimit;
    }

    /** True when only this session (or principal) is at its limit; false when the whole node is busy. */
    public boolean sessionLimit() {
        return sessionLimit;
    }
}
