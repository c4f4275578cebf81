package io.mcpcluster.cdi;

import io.mcpcluster.api.CompletePrompt;
import io.mcpcluster.api.CompleteResourceTemplate;
import io.mcpcluster.api.Prompt;
import io.mcpcluster.api.Resource;
import io.mcpcluster.api.ResourceTemplate;
import io.mcpcluster.api.Tool;
import jakarta.enterprise.inject.spi.Bean;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;

/** One annotated method of a CDI bean, as found at deployment. */
record FeatureMethod(Bean<?> bean, Method method, Kind kind) {

    enum Kind {
        TOOL(Tool.class), RESOURCE(Resource.class), RESOURCE_TEMPLATE(ResourceTemplate.class), PROMPT(Prompt.class),
        COMPLETE_PROMPT(CompletePrompt.class), COMPLETE_TEMPLATE(CompleteResourceTemplate.class);

        final Class<? extends Annotation> annotation;

        Kind(Class<? extends Annotation> annotation) {
            this.annotation = annotation;
        }
    }

    static final List<Kind> KINDS = List.of(Kind.values());

    /** {@code Class#method}, the way deployment problems name it. */
    String describe() {
        return method.getDeclaringClass().getName() + "#" + method.getName();
    }

    <A extends Annotation> A annotation(Class<A> type) {
        return method.getAnnotation(type);
    }
}
