package io.mcpcluster.api;

import jakarta.json.JsonObject;

import java.util.concurrent.CompletionStage;

/**
 * Asks the client's model ({@code sampling/createMessage}). The request goes out on the stream of
 * the current request; the answer may be POSTed to any node of the cluster. The stage completes with
 * the client's {@code result}, or fails with {@link McpClientException} (client error, timeout,
 * capability not declared).
 */
public interface Sampling {
    boolean isSupported();

    /** {@code params} is the full {@code sampling/createMessage} params object. */
    CompletionStage<JsonObject> createMessage(JsonObject params);

    /** One user message of text. */
    CompletionStage<JsonObject> createMessage(String userText, int maxTokens);

    /**
     * The same, naming the input {@code inputKey} in a 2026-07-28 {@code input_required} result (a stable
     * key the retry answers under). Without it inputs are numbered by call order; a 2025 session ignores it.
     */
    default Sampling keyed(String inputKey) {
        return this;
    }
}
