package io.mcpcluster.session;

/**
 * What the 2026-07-28 {@code requestState} needs from the cluster: one sealing key that every node
 * shares, and a single-use record of the states already accepted.
 */
public interface RequestStateStore {
    /** The key stored under {@code keyId}, or {@code candidate} (base64) once it is the one stored. */
    String sharedKey(String keyId, String candidate);

    /** True the first time {@code nonce} is used anywhere in the cluster (remembered {@code ttlMillis}). */
    boolean firstUse(String nonce, long ttlMillis);
}
