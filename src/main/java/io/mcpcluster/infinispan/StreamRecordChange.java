package io.mcpcluster.infinispan;

import io.mcpcluster.session.StreamRecord;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;

import java.io.Serializable;
import java.util.function.BiFunction;

/**
 * A change to a stream record that runs where the record lives: {@code computeIfPresent} ships it to
 * the key's primary owner, one round trip where a get followed by a compare-and-replace takes two.
 * Used on the hot path (every outbound event takes the next sequence number; every legacy request
 * records which node executes it). Like {@link TargetNodeFilter}, a ProtoStream type for the cache
 * manager of infinispan.xml and {@link Serializable} for WildFly's container.
 */
public final class StreamRecordChange implements BiFunction<String, String, String>, Serializable {
    private static final long serialVersionUID = 1L;
    private final boolean advance;
    private final String requestId;
    private final String node;

    @ProtoFactory
    StreamRecordChange(boolean advance, String requestId, String node) {
        this.advance = advance;
        this.requestId = requestId;
        this.node = node;
    }

    /** One more event; a response names the request it answers (null for anything else). */
    static StreamRecordChange advance(String answeredRequestId) {
        return new StreamRecordChange(true, answeredRequestId, null);
    }

    /** {@code requestId} is now executing on {@code node} and owes a response on this stream. */
    static StreamRecordChange expect(String requestId, String node) {
        return new StreamRecordChange(false, requestId, node);
    }

    @ProtoField(number = 1, defaultValue = "false")
    boolean advance() {
        return advance;
    }

    @ProtoField(number = 2)
    String requestId() {
        return requestId;
    }

    @ProtoField(number = 3)
    String node() {
        return node;
    }

    @Override
    public String apply(String streamId, String json) {
        StreamRecord record = StreamRecord.fromJson(streamId, json);
        return (advance ? record.advanced(requestId) : record.expecting(requestId, node)).toJson();
    }
}
