package io.mcpcluster.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OAuth scopes (or, with {@code mcp.auth.mode=container}, the container roles) a caller needs to use a
 * {@link Tool}, {@link Resource}, {@link ResourceTemplate} or {@link Prompt}. On a method it covers that
 * feature; on a class, every feature of the class (a method's own annotation adds to it). A caller
 * without them does not see the feature in list results, and calling it is answered {@code 403} with
 * {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="…"} naming every scope needed.
 * Has no effect while authorization is off ({@code mcp.auth.mode=off}, the default).
 *
 * <pre>{@code @Tool(description = "Adds a note") @RequiresScopes("notes:write") String addNote(String text)}</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScopes {
    String[] value();
}
