package io.mcpcluster.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** Makes {@link McpConfig} and {@link InputLimits} injectable; it is read once per deployment (a record: no client proxy). */
@ApplicationScoped
public class ConfigProducer {
    @Produces
    @Singleton
    McpConfig config() {
        return McpConfig.fromEnvironment();
    }

    @Produces
    @Singleton
    InputLimits inputLimits() {
        return InputLimits.fromEnvironment();
    }
}
