package io.mcpcluster.cluster;

import java.util.function.Consumer;

/**
 * Short control messages between nodes ({@link Signal}, one kind per {@link Signal.Type}). Each concern
 * subscribes to the types it owns; handlers run on the node's worker pool, never on a JGroups thread.
 */
public interface ClusterSignals {

    /** Sends {@code signal} to {@code node} (handled here when it is this node). */
    void send(String node, Signal signal);

    /** Sends {@code signal} to every node, this one included. */
    void broadcast(Signal signal);

    /** Runs {@code handler} for every signal of {@code type} that reaches this node. */
    void subscribe(Signal.Type type, Consumer<Signal> handler);
}
