package io.mcpcluster.cluster;

import java.util.OptionalLong;

/**
 * How many cache operations this node has asked of the cluster's caches since it started: a
 * measure of what a request costs (the 2026-07-28 stateless {@code tools/call} should cost none).
 * Counted only when {@code mcp.infinispan.statistics} is true, so production pays nothing for it.
 */
public interface CacheOperations {
    /** Reads (hits and misses), writes and removes (hits and misses) so far; empty when not counted. */
    OptionalLong count();
}
