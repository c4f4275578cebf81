package io.mcpcluster.stream;

import io.mcpcluster.sse.EventId;

/** One logged outbound message: its id, its JSON text, and whether it is a JSON-RPC response. */
public record Event(EventId id, String json, boolean response) {
    public long seq() {
        return id.seq();
    }
}
