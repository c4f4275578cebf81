package io.mcpcluster.stream;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class StreamRecordTest {

    @Test
    void advancesItsSequenceChangesHolderAndTracksUnansweredRequests() {
        StreamRecord r = new StreamRecord("s1", "sess", StreamKind.POST, "A", 1, Map.of("7", "A", "\"x\"", "B"), 0);
        StreamRecord back = StreamRecord.fromJson("s1", r.advanced(null).advanced("7").withHolder("B").toJson());
        assertEquals(3, back.nextSeq());
        assertEquals("B", back.holder());
        assertEquals("sess", back.sessionId());
        assertEquals(Map.of("\"x\"", "B"), back.unanswered());
        assertFalse(back.withHolder(StreamRecord.DETACHED).isHeld());
        assertEquals(Map.of("\"x\"", "B", "9", "C"), back.expecting("9", "C").unanswered());
    }
}
