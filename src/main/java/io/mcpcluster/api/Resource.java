package io.mcpcluster.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a CDI bean method as a fixed resource at {@link #uri()}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Resource {
    String uri();

    /** Defaults to the method name. */
    String name() default "";

    String description() default "";

    String mimeType() default "";
}
