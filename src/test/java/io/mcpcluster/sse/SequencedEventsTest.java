package io.mcpcluster.sse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequencedEventsTest {

    private static List<String> drain(SequencedEvents<String> events) {
        List<String> out = new ArrayList<>();
        for (String e = events.pollInOrder(); e != null; e = events.pollInOrder()) {
            out.add(e);
        }
        return out;
    }

    @Test
    void handsOutEventsInSequenceWhateverOrderTheyArriveIn() {
        SequencedEvents<String> events = new SequencedEvents<>(1);
        events.offer(3, "c", 0);
        events.offer(2, "b", 0);
        assertNull(events.pollInOrder(), "1 is missing: nothing may pass");
        events.offer(1, "a", 0);
        assertEquals(List.of("a", "b", "c"), drain(events));
        assertEquals(4, events.nextSeq());
    }

    @Test
    void dropsDuplicatesWaitingOrAlreadyHandedOut() {
        SequencedEvents<String> events = new SequencedEvents<>(1);
        assertTrue(events.offer(2, "b", 0));
        assertFalse(events.offer(2, "b again", 0));
        assertTrue(events.offer(1, "a", 0));
        assertEquals(List.of("a", "b"), drain(events));
        assertFalse(events.offer(1, "a again", 0));
        assertFalse(events.hasWaiting());
    }

    @Test
    void startsAfterTheLastEventIdOfAResume() {
        SequencedEvents<String> events = new SequencedEvents<>(8);
        assertFalse(events.offer(7, "seen before the resume", 0));
        events.offer(8, "h", 0);
        assertEquals(List.of("h"), drain(events));
    }

    @Test
    void skipsAHoleThatNeverFillsAndReportsItsStart() {
        SequencedEvents<String> events = new SequencedEvents<>(1);
        events.offer(1, "a", 10);
        events.offer(4, "d", 20);
        events.offer(5, "e", 30);
        assertEquals(List.of("a"), drain(events));
        assertTrue(events.hasWaiting());
        assertEquals(20, events.oldestWaitingSince());
        assertEquals(2, events.skipGap());
        assertEquals(List.of("d", "e"), drain(events));
        assertFalse(events.hasWaiting());
    }

    @Test
    void eventsExpectedAfterATakeOverCountAsAGapUntilTheyArriveOrAreSkipped() {
        SequencedEvents<String> events = new SequencedEvents<>(4);
        events.expectThrough(5, 100);
        assertTrue(events.hasWaiting(), "4 and 5 were numbered before the take-over: they must be waited for");
        assertEquals(100, events.oldestWaitingSince());
        assertTrue(events.offer(4, "four", 150));
        assertEquals("four", events.pollInOrder());
        assertTrue(events.hasWaiting());
        assertEquals(5, events.skipGap());
        assertEquals(6, events.nextSeq());
        assertFalse(events.hasWaiting());
        events.expectThrough(3, 200);
        assertFalse(events.hasWaiting(), "an expectation behind what was written changes nothing");
    }
}
