package io.mcpcluster.it.support;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What no answer of a node may show a client, whatever its status: on Jetty and on WildFly alike. */
public final class NoInternals {
    private static final List<String> LEAKS = List.of("\tat ", "at org.", "at java.", "Exception", "jetty", "Jetty",
            "WildFly", "Undertow", "<html", "<HTML", "WEB-INF", "Caused by");

    private NoInternals() {
    }

    /** No 5xx, no {@code Server} or {@code X-Powered-By} header, no stack trace, class name or HTML page. */
    public static void assertNoInternals(String what, RawHttp.Response r) {
        assertTrue(r.status() < 500, what + " -> " + r.status() + " " + r.body());
        assertNull(r.header("Server"), what + ": Server header " + r.header("Server"));
        assertNull(r.header("X-Powered-By"), what + ": X-Powered-By " + r.header("X-Powered-By"));
        for (String leak : LEAKS) {
            assertFalse(r.body().contains(leak), what + " shows '" + leak + "': " + r.body());
        }
    }
}
