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
        StreamRecord back = StreamRecord.fromJson("s1", r.advanced(null, "A").advanced("7", "A").withHolder("B").toJson());
        assertEquals(3, back.nextSeq());
        assertEquals("B", back.holder());
        assertEquals("sess", back.sessionId());
        assertEquals(Map.of("\"x\"", "B"), back.unanswered());
        assertFalse(back.withHolder(StreamRecord.DETACHED).isHeld());
        assertEquals(Map.of("\"x\"", "B", "9", "C"), back.expecting("9", "C").unanswered());
        assertEquals(java.util.Set.of(2L), back.recentAnswers().keySet(), "the response took number 2");
        assertEquals("7", back.recentAnswers().get(2L).requestId());
        assertEquals("A", back.recentAnswers().get(2L).writer());
    }

    @Test
    void remembersOnlyTheLastEightAnswers() {
        StreamRecord r = StreamRecord.open("s1", "sess", StreamKind.STANDALONE, "A", Map.of());
        for (int i = 1; i <= 20; i++) {
            r = r.advanced(String.valueOf(i), "B");
        }
        assertEquals(8, r.recentAnswers().size());
        assertEquals("20", r.recentAnswers().get(20L).requestId());
        assertEquals(r, StreamRecord.fromJson("s1", r.toJson()));
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

    @Test
    void hasIssuedOnlyThePrimingEventAndTheNumbersItHandedOut() {
        StreamRecord r = StreamRecord.open("s1", "sess", StreamKind.STANDALONE, "A", Map.of()).advanced(null, "A");
        assertTrue(r.hasIssued(0) && r.hasIssued(1));
        assertFalse(r.hasIssued(2), "the next number is not issued yet");
        assertFalse(r.hasIssued(Long.MAX_VALUE));
        assertFalse(r.hasIssued(-1));
    }
}
