package io.mcpcluster.dispatch;

import io.mcpcluster.stream.EventLog;
import io.mcpcluster.stream.Streams;
import jakarta.json.JsonObject;

import java.util.logging.Level;
import java.util.logging.Logger;

/** A session request's messages: through the event log to its own stream (Streamable POST) or the session's. */
record EventLogOutbound(EventLog log, Streams streams, String streamId) implements Outbound {
    private static final Logger LOG = Logger.getLogger(EventLogOutbound.class.getName());

    @Override
    public void send(JsonObject message) {
        if (streamId == null) {
            LOG.fine("No stream to send to; dropping " + message.getString("method", "response"));
            return;
        }
        log.send(streamId, message).exceptionally(e -> {
            LOG.log(Level.FINE, "Message for stream " + streamId + " not delivered", e);
            return null;
        });
    }

    /** Asks the node holding the stream to end its connection for polling (the stream goes on). */
    @Override
    public void closeForPolling(String sessionId) {
        if (streamId != null) {
            streams.closeForPolling(streamId, sessionId);
        }
    }
}
