package io.mcpcluster.stream;

import io.mcpcluster.sse.LocalStream;
import io.mcpcluster.sse.LocalStreams;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far the sockets of this node's legacy streams got, and what of that was last recorded in the
 * cluster: only changes are written, at most once per stream and period.
 */
final class DeliveryMarks {
    private final Map<String, Long> recorded = new ConcurrentHashMap<>();

    void track(LocalStream stream) {
        recorded.put(stream.streamId(), 0L);
    }

    /** The streams whose socket took more events since the last call, with their new marks. */
    Map<String, Long> changed(LocalStreams local) {
        Map<String, Long> out = new HashMap<>();
        recorded.forEach((streamId, last) -> {
            LocalStream s = local.lookup(streamId);
            if (s == null) {
                recorded.remove(streamId, last);
            } else if (s.flushedSeq() > last) {
                recorded.put(streamId, s.flushedSeq());
                out.put(streamId, s.flushedSeq());
            }
        });
        return out;
    }
}
