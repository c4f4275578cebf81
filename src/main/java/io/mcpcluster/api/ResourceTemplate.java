package io.mcpcluster.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean method as a resource template (RFC 6570 level 1: {@code test://items/{id}}).
 * String parameters receive the template variables of the same name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ResourceTemplate {
    String uriTemplate();

    String name() default "";

    String description() default "";

    String mimeType() default "";
}
