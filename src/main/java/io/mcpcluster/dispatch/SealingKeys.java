package io.mcpcluster.dispatch;

import io.mcpcluster.session.RequestStateStore;

import java.nio.file.Path;

/**
 * The AES keys of the MRTR {@code requestState}: the current one seals, every key still known opens, so a
 * rotation never breaks a round in flight. Implementations are thread-safe.
 */
interface SealingKeys {
    /** A key and its id, written in clear at the start of every token it seals. */
    record Named(String id, byte[] key) {
    }

    /** The key that seals now, read once so that a change between id and key cannot split them. */
    Named current();

    /** The key named {@code id}, or null when it is not (or no longer) known here. */
    byte[] key(String id);

    /** After a failed check under {@code id}: whether a newer copy of that key was found, worth one more try. */
    default boolean refreshed(String id) {
        return false;
    }

    /**
     * The keys the configuration names: a key file (re-read when it changes), else an inline ring, else one
     * key, else the key generated once and kept in the cluster. Setting more than one is refused.
     */
    static SealingKeys configured(String keysFile, String keys, String singleKey, RequestStateStore store) {
        int set = (keysFile.isEmpty() ? 0 : 1) + (keys.isEmpty() ? 0 : 1) + (singleKey.isEmpty() ? 0 : 1);
        if (set > 1) {
            throw new IllegalStateException("Set only one of mcp.request.state.keys.file, mcp.request.state.keys "
                    + "and mcp.request.state.key");
        }
        if (!keysFile.isEmpty()) {
            return new KeyRingFile(Path.of(keysFile));
        }
        if (!keys.isEmpty()) {
            return KeyRing.parse(keys, "mcp.request.state.keys");
        }
        if (!singleKey.isEmpty()) {
            return KeyRing.single("c1", singleKey);
        }
        return new ClusterKey(store);
    }
}
