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
        Session s = Session.create(Ids.random(), Transport.STREAMABLE, "alice")
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
    void grantedScopesRestrictOnlyTheRequestThatCarriesThemAndAreNeverStored() {
        Session s = Session.create(Ids.random(), Transport.STREAMABLE, "https://issuer#alice");
        assertTrue(s.mayUse(Set.of("notes:write")), "not restricted while authorization is off");
        Session narrow = s.withGrantedScopes(Set.of("mcp"));
        assertFalse(narrow.mayUse(Set.of("notes:write")));
        assertTrue(narrow.mayUse(Set.of()));
        assertTrue(narrow.withGrantedScopes(Set.of("mcp", "notes:write")).mayUse(Set.of("notes:write")));
        assertEquals(null, Session.fromJson(narrow.toJson()).grantedScopes());
        assertFalse(narrow.toJson().contains("mcp\""), narrow.toJson());
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
}
