package io.mcpcluster.session;

import io.mcpcluster.protocol.LogLevel;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionTest {

    @Test
    void survivesTheJsonRoundTripThatTheCacheStores() {
        Session s = Session.create(Ids.random(), Session.STREAMABLE, "alice")
                .withHandshake("2025-06-18", Json.createObjectBuilder().add("name", "c").build(),
                        Json.createObjectBuilder().add("sampling", Json.createObjectBuilder()).build())
                .withInitialized().withLogLevel(LogLevel.WARNING).withSubscription("test://a", true)
                .withStandaloneStream("stream-1");
        Session back = Session.fromJson(s.toJson());
        assertEquals(s, back);
        assertTrue(back.clientSupports("sampling"));
        assertFalse(back.clientSupports("elicitation"));
        assertFalse(back.withSubscription("test://a", false).subscriptions().contains("test://a"));
    }

    @Test
    void issuesDistinctVisibleAsciiIdsOf128Bits() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.random();
            assertEquals(22, id.length());
            assertTrue(Ids.isWellFormed(id));
            ids.add(id);
        }
        assertEquals(10_000, ids.size());
        assertFalse(Ids.isWellFormed("has space"));
        assertFalse(Ids.isWellFormed(""));
    }

    @Test
    void streamRecordAdvancesItsSequenceChangesHolderAndTracksUnansweredRequests() {
        StreamRecord r = new StreamRecord("s1", "sess", MessageRouter.StreamKind.POST, "A", 1,
                java.util.Map.of("7", "A", "\"x\"", "B"), 0);
        StreamRecord back = StreamRecord.fromJson("s1", r.advanced(null).advanced("7").withHolder("B").toJson());
        assertEquals(3, back.nextSeq());
        assertEquals("B", back.holder());
        assertEquals("sess", back.sessionId());
        assertEquals(java.util.Map.of("\"x\"", "B"), back.unanswered());
        assertFalse(back.withHolder(StreamRecord.DETACHED).isHeld());
        assertEquals(java.util.Map.of("\"x\"", "B", "9", "C"), back.expecting("9", "C").unanswered());
    }
}
