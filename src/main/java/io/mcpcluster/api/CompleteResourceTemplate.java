package io.mcpcluster.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Completes a variable of the resource template named by {@link #value()}; same rules as {@link CompletePrompt}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CompleteResourceTemplate {
    String value();
}
