package io.mcpcluster.dispatch;

import io.mcpcluster.api.McpClientException;
import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.Jsons;
import io.mcpcluster.session.Session;
import jakarta.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One run of a 2026-07-28 request that may ask the client for input (MRTR). The method asks through
 * the usual {@code Elicitation}, {@code Sampling} and {@code Roots}: a question answered by this run's
 * {@code inputResponses} (or an earlier round's, carried in {@code requestState}) returns at once;
 * any other is recorded and fails, and the run ends with an {@code input_required} result naming every
 * question recorded. Keys are the author's, else {@code input-N} by call order, so a re-run finds its
 * earlier answers under the same keys.
 */
final class InputRound {
    private final Session session;
    private final Map<String, JsonObject> answers;
    private final Map<String, JsonObject> asked = new LinkedHashMap<>();
    private final Map<String, JsonObject> missing = new LinkedHashMap<>();
    private int calls;

    InputRound(Session session, Map<String, JsonObject> answers) {
        this.session = session;
        this.answers = new LinkedHashMap<>(answers);
    }

    /** Asks {@code method}; {@code key} is the author's name for the input, or null to number it. */
    synchronized CompletionStage<JsonObject> ask(String key, String capability, String method, JsonObject params) {
        String inputKey = key != null ? key : "input-" + (++calls);
        if (!session.clientSupports(capability)) {
            missing.put(capability, Jsons.createObjectBuilder().build());
            return CompletableFuture.failedFuture(new McpClientException(ErrorCodes.MISSING_CLIENT_CAPABILITY,
                    "The client did not declare the '" + capability + "' capability"));
        }
        JsonObject answer = answers.get(inputKey);
        if (answer != null) {
            return CompletableFuture.completedFuture(answer);
        }
        asked.put(inputKey, Jsons.createObjectBuilder().add("method", method).add("params", params).build());
        return CompletableFuture.failedFuture(new McpClientException(ErrorCodes.REQUEST_CANCELLED,
                "Input '" + inputKey + "' is asked of the client: this run ends with input_required"));
    }

    String principal() {
        return session.principal();
    }

    /** The capabilities asked for and not declared ({@code data.requiredCapabilities}), or null. */
    synchronized JsonObject missingCapabilities() {
        return missing.isEmpty() ? null : toObject(missing);
    }

    /** The questions of this run, keyed, or null when it asked none that are unanswered. */
    synchronized JsonObject inputRequests() {
        return asked.isEmpty() ? null : toObject(asked);
    }

    /** The answers the next round needs: everything known in this one. */
    synchronized Map<String, JsonObject> answers() {
        return Map.copyOf(answers);
    }

    private static JsonObject toObject(Map<String, JsonObject> entries) {
        var b = Jsons.createObjectBuilder();
        entries.forEach(b::add);
        return b.build();
    }
}
