package io.mcpcluster.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a CDI bean method as an MCP tool. Its parameters become the input schema (see {@link ToolArg}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {
    /** Defaults to the method name. */
    String name() default "";

    /** Shown to the model; required by most clients, so an empty description is a deployment problem. */
    String description() default "";

    String title() default "";

    /**
     * How long a call may run before it is cancelled (its thread interrupted) and answered with
     * {@code isError: true}; 0 takes the server's {@code mcp.tool.timeout.millis}, a negative value means none.
     */
    long timeoutMillis() default 0;
}
