package io.mcpcluster.cdi;

import io.mcpcluster.api.CompletePrompt;
import io.mcpcluster.api.CompleteResourceTemplate;
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

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Finds the annotated methods of CDI beans ({@link Tool}, {@link Resource}, {@link ResourceTemplate},
 * {@link Prompt}, {@link CompletePrompt}, {@link CompleteResourceTemplate}) and checks all of them
 * before the application starts: every problem is reported as a deployment problem naming
 * {@code Class#method}, so a broken tool fails the deployment, not its first call.
 *
 * <p>Also leaves out the optional bean sets ({@code io.mcpcluster.demo}, {@code io.mcpcluster.fixtures.conformance})
 * unless {@code mcp.features} names them.
 */
public class McpExtension implements Extension {
    private static final Logger LOG = Logger.getLogger(McpExtension.class.getName());
    private static final String DEMO_PACKAGE = "io.mcpcluster.demo";
    private static final String CONFORMANCE_PACKAGE = "io.mcpcluster.fixtures.conformance";

    private final List<FeatureMethod> methods = new ArrayList<>();
    private McpConfig config;

    <T> void leaveOutDisabledFeatures(@Observes ProcessAnnotatedType<T> pat) {
        String pkg = pat.getAnnotatedType().getJavaClass().getPackageName();
        if (!pkg.startsWith(DEMO_PACKAGE) && !pkg.startsWith(CONFORMANCE_PACKAGE)) {
            return;
        }
        if (config == null) {
            config = McpConfig.fromEnvironment();
        }
        boolean enabled = pkg.startsWith(DEMO_PACKAGE) ? config.featureEnabled("demo")
                : config.featureEnabled("conformance");
        if (!enabled) {
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
