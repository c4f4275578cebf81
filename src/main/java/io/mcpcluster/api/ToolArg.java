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
}
