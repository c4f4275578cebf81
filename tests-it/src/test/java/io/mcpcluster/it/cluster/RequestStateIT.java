package io.mcpcluster.it.cluster;

import io.mcpcluster.it.support.LocalCluster;
import io.mcpcluster.it.support.ModernCalls;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.SealedStates;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MRTR {@code requestState} on three nodes that read their keys from one key file (a mounted secret):
 * a key rotation in the middle of a three-round exchange, and every bad state (tampered, expired,
 * replayed, another principal's, under a key no longer listed) refused on every node with HTTP 200 and
 * JSON-RPC -32602. Requests go to chosen nodes' own ports.
 */
@Timeout(120)
class RequestStateIT {
    private static final String MULTI = "test_input_required_result_multi_round";
    private static final String ELICIT = "test_input_required_result_elicitation";
    private static final byte[] K1 = key(1);
    private static final byte[] K2 = key(2);
    private static final AtomicInteger IDS = new AtomicInteger(1000);

    static Path keyFile;
    static LocalCluster cluster;
    static List<NodeProcess> nodes;

    @BeforeAll
    static void startCluster() throws IOException {
        keyFile = Files.createDirectories(NodeProcess.root().resolve("target/request-state-it")).resolve("keys");
        writeKeys("k1:" + base64(K1) + "\n");
        cluster = LocalCluster.start("reqstate", 3, 3, Map.of("mcp.request.state.keys.file", keyFile.toString()));
        nodes = List.of(cluster.node(0), cluster.node(1), cluster.node(2));
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @BeforeEach
    void k1Current() {
        writeKeys("k1:" + base64(K1) + "\n");
    }

    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }

    /** Replaces the key file as a secret volume does: a new file moved over the old one. */
    private static void writeKeys(String text) {
        try {
            Path next = keyFile.resolveSibling("keys.next");
            Files.writeString(next, text);
            Files.move(next, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject call(NodeProcess node, String tool, String extra) {
        return ModernCalls.toolsCall(node.port(), tool, extra, IDS.incrementAndGet());
    }

    private static String stateOf(JsonObject response) {
        JsonObject result = response.getJsonObject("result");
        assertEquals("input_required", result.getString("resultType"), response.toString());
        return result.getString("requestState");
    }

    private static void assertRefused(JsonObject response, String why, String where) {
        assertEquals(-32602, response.getJsonObject("error").getInt("code"), where + ": " + response);
        assertTrue(response.getJsonObject("error").getString("message").contains(why), where + ": " + response);
    }

    @Test
    void aKeyRotationInTheMiddleOfAThreeRoundExchangeKeepsItGoingOnEveryNode() {
        String round1 = stateOf(call(nodes.get(0), MULTI, ""));
        String notAnswered = stateOf(call(nodes.get(0), MULTI, ""));
        assertTrue(round1.startsWith("k1."), round1);

        writeKeys("# k2 seals from now on; k1 still opens the rounds it sealed\nk2:" + base64(K2) + "\nk1:" + base64(K1));
        String round2 = stateOf(call(nodes.get(1), MULTI, ModernCalls.answer("step1", "name", "Ada", round1)));
        assertTrue(round2.startsWith("k2."), "the round after the rotation is sealed under k2: " + round2);
        JsonObject done = call(nodes.get(2), MULTI, ModernCalls.answer("step2", "color", "green", round2));
        assertEquals("Ada likes green", done.getJsonObject("result").getJsonArray("content").getJsonObject(0)
                .getString("text"), done.toString());

        writeKeys("k2:" + base64(K2) + "\n"); // k1 retired: what it sealed opens nowhere
        for (NodeProcess node : nodes) {
            assertRefused(call(node, MULTI, ModernCalls.answer("step1", "name", "Ada", notAnswered)),
                    "key is unknown", node.name());
        }
    }

    @Test
    void tamperedExpiredForeignAndReplayedStatesAreRefusedOnEveryNode() {
        String genuine = stateOf(call(nodes.get(0), ELICIT, ""));
        int at = genuine.length() / 2;
        String tampered = genuine.substring(0, at) + (genuine.charAt(at) == 'A' ? 'B' : 'A') + genuine.substring(at + 1);
        String expired = SealedStates.reseal(genuine, K1, s -> SealedStates.with(s, "e",
                Json.createValue(System.currentTimeMillis() - 1_000)));
        String mallorys = SealedStates.reseal(genuine, K1, s -> SealedStates.with(s, "p", Json.createValue("mallory")));
        for (NodeProcess node : nodes) {
            assertRefused(call(node, ELICIT, ModernCalls.answer("user_name", "name", "Eve", tampered)),
                    "integrity", "tampered on " + node.name());
            assertRefused(call(node, ELICIT, ModernCalls.answer("user_name", "name", "Eve", expired)),
                    "expired", "expired on " + node.name());
            assertRefused(call(node, ELICIT, ModernCalls.answer("user_name", "name", "Eve", mallorys)),
                    "another principal", "another principal's on " + node.name());
        }
        JsonObject done = call(nodes.get(1), ELICIT, ModernCalls.answer("user_name", "name", "Ada", genuine));
        assertEquals("Hello, Ada!", done.getJsonObject("result").getJsonArray("content").getJsonObject(0)
                .getString("text"), "the genuine state, untouched by the refusals: " + done);
        for (NodeProcess node : nodes) {
            assertRefused(call(node, ELICIT, ModernCalls.answer("user_name", "name", "Ada", genuine)),
                    "already used", "used on " + nodes.get(1).name() + ", replayed on " + node.name());
        }
    }
}
