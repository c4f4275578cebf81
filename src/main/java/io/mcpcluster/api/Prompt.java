package io.mcpcluster.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a CDI bean method as an MCP prompt. Parameters are {@code String}s described by {@link PromptArg}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Prompt {
    String name() default "";

    String description() default "";

    String title() default "";
}
