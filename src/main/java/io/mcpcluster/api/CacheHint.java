package io.mcpcluster.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How long a 2026-07-28 client (or, when {@link Scope#PUBLIC}, a shared cache) may keep the results that
 * carry this feature: its entry in {@code tools/list}, {@code prompts/list}, {@code resources/list} or
 * {@code resources/templates/list}, and its {@code resources/read} result ({@code ttlMs} and
 * {@code cacheScope}, SEP-2549). On a feature method: that feature; on a bean class: each feature it
 * declares (a method's own hint wins). Without one, {@code mcp.cache.ttl.millis} and {@code mcp.cache.scope}
 * apply (0 ms, private). A list carries the shortest time of its entries, and is public only when every
 * entry is. The 2025 era has no such fields and ignores it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CacheHint {
    /** Milliseconds the result stays fresh; 0: revalidate every time. */
    long ttlMs();

    Scope scope() default Scope.PRIVATE;

    /** {@code cacheScope} on the wire: {@code "public"} (no user-specific data) or {@code "private"}. */
    enum Scope {
        PUBLIC, PRIVATE;

        public String wire() {
            return this == PUBLIC ? "public" : "private";
        }
    }
}
