package io.mcpcluster.api;

import jakarta.json.JsonObject;

import java.util.concurrent.CompletionStage;

/** Asks the user for input ({@code elicitation/create}); same delivery and failure rules as {@link Sampling}. */
public interface Elicitation {
    boolean isSupported();

    /** {@code requestedSchema} must be a flat object schema of primitive properties (spec rule). */
    CompletionStage<JsonObject> send(String message, JsonObject requestedSchema);
}
