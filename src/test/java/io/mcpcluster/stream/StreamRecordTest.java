package io.mcpcluster.stream;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamRecordTest {

    @Test
    void advancesItsSequenceChangesHolderAndTracksUnansweredRequests() {
        StreamRecord r = StreamRecord.open("s1", "sess", StreamKind.POST, "A", Map.of("7", "A", "\"x\"", "B"));
        StreamRecord back = StreamRecord.fromJson("s1", r.advanced(null).advanced("7").withHolder("B").toJson());
        assertEquals(3, back.nextSeq());
        assertEquals("B", back.holder());
        assertEquals("sess", back.sessionId());
        assertEquals(Map.of("\"x\"", "B"), back.unanswered());
        assertFalse(back.withHolder(StreamRecord.DETACHED).isHeld());
        assertEquals(Map.of("\"x\"", "B", "9", "C"), back.expecting("9", "C").unanswered());
    }

    @Test
    void remembersWhenItLostItsHolderAndWhatItsHolderDelivered() {
        StreamRecord held = StreamRecord.open("s1", "sess", StreamKind.STANDALONE, "A", Map.of());
        assertEquals(0, held.orphanedSince());
        StreamRecord detached = held.withDelivered(5).withHolder(StreamRecord.DETACHED);
        assertTrue(detached.orphanedSince() > 0);
        assertEquals(detached.orphanedSince(), detached.orphaned().orphanedSince(), "orphaned once, not again");
        StreamRecord back = StreamRecord.fromJson("s1", detached.toJson());
        assertEquals(detached, back);
        assertEquals(5, back.withDelivered(3).delivered(), "the watermark never goes back");
        assertEquals(0, back.withHolder("B").orphanedSince(), "a new holder ends the orphanhood");
    }
}
