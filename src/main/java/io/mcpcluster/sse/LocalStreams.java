package io.mcpcluster.sse;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The only local registry: the streams whose connections this node holds, keyed by stream id. Dies
 * with the node by design; the cluster's stream records say which node holds what.
 */
@ApplicationScoped
public class LocalStreams {
    private final Map<String, LocalStream> byStreamId = new ConcurrentHashMap<>();

    public void register(LocalStream stream) {
        LocalStream previous = byStreamId.put(stream.streamId(), stream);
        if (previous != null && previous != stream) {
            previous.close();
        }
    }

    public LocalStream lookup(String streamId) {
        return byStreamId.get(streamId);
    }

    /** Removes {@code stream} only if it is still the registered one (a resumed stream may have replaced it). */
    public void remove(LocalStream stream) {
        byStreamId.remove(stream.streamId(), stream);
    }

    public Collection<LocalStream> all() {
        return byStreamId.values();
    }

    /** The open connections of {@code sessionId} on this node. */
    public java.util.List<LocalStream> ofSession(String sessionId) {
        return byStreamId.values().stream().filter(s -> s.sessionId().equals(sessionId)).toList();
    }

}
