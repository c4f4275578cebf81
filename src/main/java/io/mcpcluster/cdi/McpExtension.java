package io.mcpcluster.cdi;

import io.mcpcluster.api.CompletePrompt;
import io.mcpcluster.api.CompleteResourceTemplate;
import io.mcpcluster.api.OptionalFeature;
import io.mcpcluster.api.Prompt;
import io.mcpcluster.api.Resource;
import io.mcpcluster.api.ResourceTemplate;
import io.mcpcluster.api.Tool;
import io.mcpcluster.config.McpConfig;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Finds the annotated methods of CDI beans ({@link Tool}, {@link Resource}, {@link ResourceTemplate},
 * {@link Prompt}, {@link CompletePrompt}, {@link CompleteResourceTemplate}) and checks all of them
 * before the application starts: every problem is reported as a deployment problem naming
 * {@code Class#method}, so a broken tool fails the deployment, not its first call.
 *
 * <p>Also leaves out every bean class marked {@link OptionalFeature} whose set {@code mcp.features} does
 * not name (the demo, the conformance fixtures, a user's own optional sets).
 */
public class McpExtension implements Extension {
    private static final Logger LOG = Logger.getLogger(McpExtension.class.getName());

    private final List<FeatureMethod> methods = new ArrayList<>();
    private McpConfig config;

    <T> void leaveOutDisabledFeatures(@Observes @WithAnnotations(OptionalFeature.class) ProcessAnnotatedType<T> pat) {
        OptionalFeature feature = pat.getAnnotatedType().getAnnotation(OptionalFeature.class);
        if (feature == null) {
            return;
        }
        if (config == null) {
            config = McpConfig.fromEnvironment();
        }
        if (!config.featureEnabled(feature.value())) {
            pat.veto();
        }
    }

    <T> void collect(@Observes ProcessManagedBean<T> pmb) {
        for (AnnotatedMethod<? super T> m : pmb.getAnnotatedBeanClass().getMethods()) {
            for (FeatureMethod.Kind kind : FeatureMethod.KINDS) {
                if (m.isAnnotationPresent(kind.annotation)) {
                    methods.add(new FeatureMethod(pmb.getBean(), m.getJavaMember(), kind));
                }
            }
        }
    }

    void validate(@Observes AfterDeploymentValidation adv) {
        List<String> problems = FeatureValidator.validate(methods);
        problems.forEach(p -> adv.addDeploymentProblem(new DefinitionException(p)));
        LOG.fine(() -> "Found " + methods.size() + " MCP feature methods, " + problems.size() + " problems");
    }

    List<FeatureMethod> methods() {
        return List.copyOf(methods);
    }
}
