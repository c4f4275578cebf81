package io.mcpcluster.dispatch;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.Jsons;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.session.RequestStateStore;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    private static RequestStates generated(MapStore cluster, long lifetimeMillis) {
        return new RequestStates(cluster, SealingKeys.configured("", "", "", cluster), lifetimeMillis);
    }

    private static void assertInvalid(Runnable open, String why) {
        McpException e = assertThrows(McpException.class, open::run);
        assertEquals(ErrorCodes.INVALID_PARAMS, e.code());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void aStateSealedOnOneNodeOpensOnAnotherOnceWithItsAnswers() {
        MapStore cluster = new MapStore();
        RequestStates a = generated(cluster, 60_000);
        RequestStates b = generated(cluster, 60_000);
        String token = a.seal("alice", "tools/call", RequestStates.digest(PARAMS), ANSWERS);
        assertEquals(ANSWERS, b.open(token, "alice", "tools/call", RequestStates.digest(PARAMS)));
        assertInvalid(() -> a.open(token, "alice", "tools/call", RequestStates.digest(PARAMS)), "already used");
    }

    @Test
    void anotherPrincipalMethodOrParamsIsRefused() {
        RequestStates s = generated(new MapStore(), 60_000);
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
        RequestStates s = generated(new MapStore(), 60_000);
        String digest = RequestStates.digest(PARAMS);
        String token = s.seal("alice", "tools/call", digest, ANSWERS);
        int at = token.length() - 5;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertInvalid(() -> s.open(tampered, "alice", "tools/call", digest), "integrity");
        assertInvalid(() -> s.open("g1.AAAA", "alice", "tools/call", digest), "truncated");
        assertInvalid(() -> s.open("zz" + token.substring(2), "alice", "tools/call", digest), "key is unknown");
        assertInvalid(() -> s.open("no-dot", "alice", "tools/call", digest), "not a state");
        RequestStates brief = generated(new MapStore(), 1);
        String soon = brief.seal("alice", "tools/call", digest, ANSWERS);
        Thread.sleep(20);
        assertInvalid(() -> brief.open(soon, "alice", "tools/call", digest), "expired");
    }

    @Test
    void aConfiguredKeyIsSharedWithoutTheCluster() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        String token = new RequestStates(new MapStore(), SealingKeys.configured("", "", key, null), 60_000).seal("a", "tools/call", "d", ANSWERS);
        assertTrue(token.startsWith("c1."), token);
        assertEquals(ANSWERS, new RequestStates(new MapStore(), SealingKeys.configured("", "", key, null), 60_000).open(token, "a", "tools/call", "d"));
    }

    @Test
    void aNodeWhoseCopyOfTheKeyIsStaleTakesTheClustersOnAFailedCheck() {
        MapStore cluster = new MapStore();
        RequestStates stale = generated(cluster, 60_000);
        String digest = RequestStates.digest(PARAMS);
        stale.seal("a", "tools/call", digest, ANSWERS); // caches the first key
        cluster.entries.clear(); // the key's owners are gone: another node makes a new one
        String token = generated(cluster, 60_000).seal("a", "tools/call", digest, ANSWERS);
        assertEquals(ANSWERS, stale.open(token, "a", "tools/call", digest));
    }

    private static String key(int fill) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) fill);
        return Base64.getEncoder().encodeToString(k);
    }

    @Test
    void aRotationKeepsARoundInFlightAndAKeyNoLongerListedIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys");
        Files.writeString(file, "k1:" + key(1) + "\n");
        MapStore cluster = new MapStore();
        RequestStates a = new RequestStates(cluster, new KeyRingFile(file), 60_000);
        RequestStates b = new RequestStates(cluster, new KeyRingFile(file), 60_000);
        String digest = RequestStates.digest(PARAMS);
        String round1 = a.seal("a", "tools/call", digest, ANSWERS);
        String unused = a.seal("a", "tools/call", digest, ANSWERS);
        assertTrue(round1.startsWith("k1."), round1);
        replace(file, "# k2 seals, k1 still opens\nk2:" + key(2) + "\nk1:" + key(1) + "\n");
        assertEquals(ANSWERS, b.open(round1, "a", "tools/call", digest), "sealed under k1, opened after the rotation");
        String round2 = b.seal("a", "tools/call", digest, ANSWERS);
        assertTrue(round2.startsWith("k2."), round2);
        replace(file, "k2:" + key(2) + "\n");
        assertEquals(ANSWERS, a.open(round2, "a", "tools/call", digest));
        assertInvalid(() -> a.open(unused, "a", "tools/call", digest), "key is unknown");
    }

    @Test
    void aKeyFileChangeThatDoesNotParseKeepsTheKeysInUse(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys");
        Files.writeString(file, "k1:" + key(1));
        RequestStates s = new RequestStates(new MapStore(), new KeyRingFile(file), 60_000);
        replace(file, "k2 without a colon");
        assertTrue(s.seal("a", "tools/call", "d", ANSWERS).startsWith("k1."));
    }

    @Test
    void badKeyConfigurationsAreRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> KeyRing.parse("k1:" + key(1) + ",k1:" + key(2), "t"));
        assertThrows(IllegalArgumentException.class, () -> KeyRing.parse("k.1:" + key(1), "t"));
        assertThrows(IllegalArgumentException.class, () -> KeyRing.parse("k1:AAAA", "t"));
        assertThrows(IllegalArgumentException.class, () -> KeyRing.parse(" ,# only a comment", "t"));
        assertThrows(IllegalStateException.class, () -> SealingKeys.configured("", "k1:" + key(1), key(2), null));
        KeyRing ring = KeyRing.parse("k2:" + key(2) + ", k1:" + key(1), "t");
        assertEquals("k2", ring.currentId());
        assertEquals(2, ring.keys().size());
    }

    /** Replaces the file as a mounted secret changes: a new file moved over the old one. */
    private static void replace(Path file, String text) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, text);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
