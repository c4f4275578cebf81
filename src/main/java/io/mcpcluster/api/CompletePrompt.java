package io.mcpcluster.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Completes an argument of the prompt named by {@link #value()}. The method takes one {@code String}
 * parameter named like the argument (or annotated {@link CompleteArg}) and returns
 * {@code List<String>}, {@code String} or a {@code CompletionStage} of them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CompletePrompt {
    String value();
}
