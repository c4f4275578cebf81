package io.mcpcluster.cluster;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** This node's name and the cluster's current members. A node alone on a local cache is its own cluster. */
public interface Membership {

    /** This node's name in the cluster (also its name in logs and in stream records). */
    String nodeName();

    /** The names of the current members. */
    List<String> members();

    /** Whether {@code node} is a current member (a stream held by a dead node may be taken over). */
    boolean isMember(String node);

    /**
     * Runs {@code handler} with the names of the nodes that left, on one node of the cluster only (the
     * coordinator), so that their leftovers are cleaned up once.
     */
    void onDeparture(Consumer<Set<String>> handler);
}
