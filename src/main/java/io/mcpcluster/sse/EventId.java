package io.mcpcluster.sse;

/**
 * The id of one event of one stream: {@code <stream>.<seq>} on the wire ({@code id:} and
 * {@code Last-Event-ID}), {@code <stream>:<seq>} as a key of the event log. Stream ids are base64url,
 * so neither separator can occur inside one. Sequence numbers start at 1; 0 names the priming event,
 * which carries no message.
 */
public record EventId(String streamId, long seq) {
    private static final int MAX_LENGTH = 200;

    public EventId {
        if (streamId == null || streamId.isEmpty() || seq < 0) {
            throw new IllegalArgumentException("Bad event id " + streamId + "." + seq);
        }
    }

    /** The priming event of {@code streamId} (SEP-1699): resuming after it replays the whole stream. */
    public static EventId priming(String streamId) {
        return new EventId(streamId, 0);
    }

    /** Parses a {@code Last-Event-ID} value; null when it is not of the form {@code <stream>.<seq>}. */
    public static EventId parse(String wire) {
        return split(wire, '.');
    }

    public static EventId fromCacheKey(String key) {
        EventId id = split(key, ':');
        if (id == null) {
            throw new IllegalArgumentException("Not an event key: " + key);
        }
        return id;
    }

    public String cacheKey() {
        return streamId + ':' + seq;
    }

    /** The wire form, {@code <stream>.<seq>}. */
    @Override
    public String toString() {
        return streamId + '.' + seq;
    }

    private static EventId split(String text, char separator) {
        if (text == null || text.length() > MAX_LENGTH) {
            return null;
        }
        int at = text.lastIndexOf(separator);
        if (at <= 0 || at == text.length() - 1) {
            return null;
        }
        try {
            long seq = Long.parseLong(text.substring(at + 1));
            return seq < 0 ? null : new EventId(text.substring(0, at), seq);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
