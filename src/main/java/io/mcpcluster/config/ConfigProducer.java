package io.mcpcluster.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** Makes {@link McpConfig} and {@link AuthConfig} injectable; it is read once per deployment (a record: no client proxy). */
@ApplicationScoped
public class ConfigProducer {
    @Produces
    @Singleton
    McpConfig config() {
        return McpConfig.fromEnvironment();
    }

    @Produces
    @Singleton
    AuthConfig authConfig() {
        return AuthConfig.fromEnvironment();
    }
}
