package io.mcpcluster.api;

import jakarta.json.JsonObject;

import java.util.concurrent.CompletionStage;

/** Lists the client's roots ({@code roots/list}); same delivery and failure rules as {@link Sampling}. */
public interface Roots {
    boolean isSupported();

    /** Completes with the client's result, {@code {"roots":[{"uri":…,"name":…}]}}. */
    CompletionStage<JsonObject> list();
}
