package io.mcpcluster.cdi;

import io.mcpcluster.api.McpFeatures;
import io.mcpcluster.dispatch.FeatureRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * The node-wide singletons that are plain classes: the feature registry (filled from the annotated
 * beans before anyone can see it) and the shared JSON-B instance.
 */
@ApplicationScoped
public class CoreProducers {

    @Produces
    @Singleton
    @Typed(FeatureRegistry.class)
    FeatureRegistry registry(AnnotatedFeatures annotated) {
        FeatureRegistry registry = new FeatureRegistry();
        annotated.registerInto(registry);
        return registry;
    }

    @Produces
    @Singleton
    @Typed(McpFeatures.class)
    McpFeatures features(FeatureRegistry registry) {
        return registry;
    }

    @Produces
    @Singleton
    Jsonb jsonb() {
        return JsonbBuilder.create();
    }

    void close(@Disposes Jsonb jsonb) throws Exception {
        jsonb.close();
    }
}
