package io.mcpcluster.dispatch;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.Jsons;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.session.RequestStateStore;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sealed MRTR requestState: accepted once, by any holder of the shared key, for its own request only. */
@Timeout(30)
class RequestStatesTest {
    /** The cluster's map, as the pending cache keeps it (one for every "node" of a test). */
    private static final class MapStore implements RequestStateStore {
        final Map<String, String> entries = new ConcurrentHashMap<>();

        @Override
        public String sharedKey(String keyId, String candidate) {
            String stored = entries.putIfAbsent("key " + keyId, candidate);
            return stored == null ? candidate : stored;
        }

        @Override
        public boolean firstUse(String nonce, long ttlMillis) {
            return entries.putIfAbsent("used " + nonce, "used") == null;
        }
    }

    private static final JsonObject PARAMS = Jsons.createObjectBuilder().add("name", "t").build();
    private static final Map<String, JsonObject> ANSWERS = Map.of("user_name",
            Jsons.createObjectBuilder().add("action", "accept").build());

    private static void assertInvalid(Runnable open, String why) {
        McpException e = assertThrows(McpException.class, open::run);
        assertEquals(ErrorCodes.INVALID_PARAMS, e.code());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void aStateSealedOnOneNodeOpensOnAnotherOnceWithItsAnswers() {
        MapStore cluster = new MapStore();
        RequestStates a = new RequestStates(cluster, "", 60_000);
        RequestStates b = new RequestStates(cluster, "", 60_000);
        String token = a.seal("alice", "tools/call", RequestStates.digest(PARAMS), ANSWERS);
        assertEquals(ANSWERS, b.open(token, "alice", "tools/call", RequestStates.digest(PARAMS)));
        assertInvalid(() -> a.open(token, "alice", "tools/call", RequestStates.digest(PARAMS)), "already used");
    }

    @Test
    void anotherPrincipalMethodOrParamsIsRefused() {
        RequestStates s = new RequestStates(new MapStore(), "", 60_000);
        String digest = RequestStates.digest(PARAMS);
        assertInvalid(() -> s.open(s.seal("alice", "tools/call", digest, ANSWERS), "bob", "tools/call", digest),
                "another principal");
        assertInvalid(() -> s.open(s.seal("alice", "tools/call", digest, ANSWERS), "alice", "prompts/get", digest),
                "another principal");
        JsonObject other = Jsons.createObjectBuilder().add("name", "u").build();
        assertInvalid(() -> s.open(s.seal(null, "tools/call", digest, ANSWERS), null, "tools/call",
                RequestStates.digest(other)), "another principal");
    }

    @Test
    void theDigestIgnoresTheRoundsOwnFields() {
        JsonObject retry = Jsons.createObjectBuilder(PARAMS).add("requestState", "x")
                .add("inputResponses", Jsons.createObjectBuilder()).add("_meta", Jsons.createObjectBuilder()).build();
        assertEquals(RequestStates.digest(PARAMS), RequestStates.digest(retry));
    }

    @Test
    void tamperedTruncatedForeignKeyAndExpiredStatesAreRefused() throws InterruptedException {
        RequestStates s = new RequestStates(new MapStore(), "", 60_000);
        String digest = RequestStates.digest(PARAMS);
        String token = s.seal("alice", "tools/call", digest, ANSWERS);
        int at = token.length() - 5;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertInvalid(() -> s.open(tampered, "alice", "tools/call", digest), "integrity");
        assertInvalid(() -> s.open("g1.AAAA", "alice", "tools/call", digest), "truncated");
        assertInvalid(() -> s.open("zz" + token.substring(2), "alice", "tools/call", digest), "key is unknown");
        assertInvalid(() -> s.open("no-dot", "alice", "tools/call", digest), "not a state");
        RequestStates brief = new RequestStates(new MapStore(), "", 1);
        String soon = brief.seal("alice", "tools/call", digest, ANSWERS);
        Thread.sleep(20);
        assertInvalid(() -> brief.open(soon, "alice", "tools/call", digest), "expired");
    }

    @Test
    void aConfiguredKeyIsSharedWithoutTheCluster() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        String token = new RequestStates(new MapStore(), key, 60_000).seal("a", "tools/call", "d", ANSWERS);
        assertTrue(token.startsWith("c1."), token);
        assertEquals(ANSWERS, new RequestStates(new MapStore(), key, 60_000).open(token, "a", "tools/call", "d"));
    }

    @Test
    void aNodeWhoseCopyOfTheKeyIsStaleTakesTheClustersOnAFailedCheck() {
        MapStore cluster = new MapStore();
        RequestStates stale = new RequestStates(cluster, "", 60_000);
        String digest = RequestStates.digest(PARAMS);
        stale.seal("a", "tools/call", digest, ANSWERS); // caches the first key
        cluster.entries.clear(); // the key's owners are gone: another node makes a new one
        String token = new RequestStates(cluster, "", 60_000).seal("a", "tools/call", digest, ANSWERS);
        assertEquals(ANSWERS, stale.open(token, "a", "tools/call", digest));
    }
}
