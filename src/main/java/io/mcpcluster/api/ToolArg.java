package io.mcpcluster.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Describes a tool parameter. Required unless the type is {@code Optional} or a default value is given. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ToolArg {
    /** Defaults to the parameter name (compile with {@code -parameters}). */
    String name() default "";

    String description() default "";

    boolean required() default true;

    /** Used when the client omits the argument, converted like a client value. */
    String defaultValue() default "";

    /**
     * Mirrors the argument into the HTTP header {@code Mcp-Param-<header>} (2026-07-28 Streamable HTTP,
     * {@code x-mcp-header} in the input schema), so that a balancer or gateway can route on it without
     * reading the body. The server refuses a request whose header is missing or differs from the body.
     * Only for {@code String}, integer and boolean arguments; a token (letters, digits, {@code -}, …),
     * unique per tool regardless of case. Empty: not mirrored.
     */
    String header() default "";
}
