package io.mcpcluster.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/**
 * Makes {@link McpConfig}, {@link InputLimits}, {@link AuthConfig}, {@link ExecutionLimits},
 * {@link ConsoleSettings} and {@link DrainSettings} injectable;
 * each is read once per deployment (records: no client proxy).
 */
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

    @Produces
    @Singleton
    AuthConfig authConfig() {
        return AuthConfig.fromEnvironment();
    }

    @Produces
    @Singleton
    ExecutionLimits executionLimits() {
        return ExecutionLimits.fromEnvironment();
    }

    @Produces
    @Singleton
    ConsoleSettings consoleSettings() {
        return ConsoleSettings.fromEnvironment();
    }

    @Produces
    @Singleton
    DrainSettings drainSettings() {
        return DrainSettings.fromEnvironment();
    }
}
