package io.mcpcluster.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a bean class part of an optional set: the bean exists only when {@code mcp.features} (or
 * {@code MCP_FEATURES}, a comma-separated list) names the set. Without this annotation a bean is always on.
 *
 * <pre>{@code @ApplicationScoped @OptionalFeature("admin") public class AdminTools { … }}</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OptionalFeature {
    /** The name of the set, as written in {@code mcp.features}, e.g. {@code demo}. */
    String value();
}
