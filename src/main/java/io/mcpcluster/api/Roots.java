package io.mcpcluster.api;

import jakarta.json.JsonObject;

import java.util.concurrent.CompletionStage;

/** Lists the client's roots ({@code roots/list}); same delivery and failure rules as {@link Sampling}. */
public interface Roots {
    boolean isSupported();

    /** Completes with the client's result, {@code {"roots":[{"uri":…,"name":…}]}}. */
    CompletionStage<JsonObject> list();

    /**
     * The same, naming the input {@code inputKey} in a 2026-07-28 {@code input_required} result (a stable
     * key the retry answers under). Without it inputs are numbered by call order; a 2025 session ignores it.
     */
    default Roots keyed(String inputKey) {
        return this;
    }
}
