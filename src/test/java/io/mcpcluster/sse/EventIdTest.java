package io.mcpcluster.sse;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventIdTest {

    @Test
    void wireFormAndCacheKeyRoundTrip() {
        EventId id = new EventId("AbC-_x", 42);
        assertEquals("AbC-_x.42", id.toString());
        assertEquals("AbC-_x:42", id.cacheKey());
        assertEquals(id, EventId.parse(id.toString()));
        assertEquals(id, EventId.fromCacheKey(id.cacheKey()));
        assertEquals("s.0", EventId.priming("s").toString());
    }

    @Test
    void parseRejectsWhatIsNotAnEventId() {
        for (String bad : new String[]{null, "", "noseq", ".5", "s.", "s.-1", "s.x", "s.99999999999999999999",
                "s".repeat(300) + ".1"}) {
            assertNull(EventId.parse(bad), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> EventId.fromCacheKey("nokey"));
    }
}
