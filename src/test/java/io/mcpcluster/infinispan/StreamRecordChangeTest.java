package io.mcpcluster.infinispan;

import io.mcpcluster.session.MessageRouter;
import io.mcpcluster.session.StreamRecord;
import org.infinispan.protostream.ProtobufUtil;
import org.infinispan.protostream.SerializationContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stream record changes shipped to the record's owner: what they do, and that both marshallers carry them. */
class StreamRecordChangeTest {
    private static final StreamRecord RECORD = new StreamRecord("st", "se", MessageRouter.StreamKind.STANDALONE, "n1", 5,
            Map.of("1", "n2"), 0);

    private static StreamRecord apply(StreamRecordChange change) {
        return StreamRecord.fromJson("st", change.apply("st", RECORD.toJson()));
    }

    @Test
    void advanceTakesTheNextSequenceNumberAndForgetsTheAnsweredRequest() {
        StreamRecord after = apply(StreamRecordChange.advance("1"));
        assertEquals(6, after.nextSeq());
        assertEquals(Map.of(), after.unanswered());
        assertEquals(Map.of("1", "n2"), apply(StreamRecordChange.advance(null)).unanswered());
    }

    @Test
    void expectRecordsWhichNodeExecutesARequest() {
        StreamRecord after = apply(StreamRecordChange.expect("2", "n3"));
        assertEquals(5, after.nextSeq());
        assertEquals(Map.of("1", "n2", "2", "n3"), after.unanswered());
    }

    @Test
    void survivesProtoStreamAndJavaSerialization() throws Exception {
        SerializationContext ctx = ProtobufUtil.newSerializationContext();
        new McpProtoSchemaImpl().register(ctx);
        StreamRecordChange expect = StreamRecordChange.expect("2", "n3");
        StreamRecordChange viaProto = ProtobufUtil.fromWrappedByteArray(ctx, ProtobufUtil.toWrappedByteArray(ctx, expect));
        assertSameChange(expect, viaProto);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(StreamRecordChange.advance("1"));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertSameChange(StreamRecordChange.advance("1"), (StreamRecordChange) in.readObject());
        }
    }

    /** Same effect on the record (the write time is the clock's). */
    private static void assertSameChange(StreamRecordChange expected, StreamRecordChange actual) {
        StreamRecord a = apply(expected);
        StreamRecord b = apply(actual);
        assertEquals(a.nextSeq(), b.nextSeq());
        assertEquals(a.unanswered(), b.unanswered());
        assertEquals(a.holder(), b.holder());
    }
}
