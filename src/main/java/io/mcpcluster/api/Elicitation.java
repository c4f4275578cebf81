package io.mcpcluster.api;

import jakarta.json.JsonObject;

import java.util.concurrent.CompletionStage;

/** Asks the user for input ({@code elicitation/create}); same delivery and failure rules as {@link Sampling}. */
public interface Elicitation {
    boolean isSupported();

    /** {@code requestedSchema} must be a flat object schema of primitive properties (spec rule). */
    CompletionStage<JsonObject> send(String message, JsonObject requestedSchema);

    /**
     * The same, naming the input {@code inputKey} in a 2026-07-28 {@code input_required} result (a stable
     * key the retry answers under). Without it inputs are numbered by call order; a 2025 session ignores it.
     */
    default Elicitation keyed(String inputKey) {
        return this;
    }
}
