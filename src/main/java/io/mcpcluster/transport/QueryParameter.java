package io.mcpcluster.transport;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One parameter of the query string, decoded here rather than by {@code getParameter}: that would read
 * a form body too, and a malformed {@code %} escape makes the container answer with its own error page.
 */
public final class QueryParameter {

    /** The query string has a malformed {@code %} escape: the caller answers 400. */
    public static final class Malformed extends Exception {
        public Malformed(String name) {
            super("Bad Request: the " + name + " query parameter is not correctly %-encoded");
        }
    }

    private QueryParameter() {
    }

    /** The first value of {@code name}, decoded; null when absent. */
    public static String first(HttpServletRequest req, String name) throws Malformed {
        String query = req.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (name.equals(key)) {
                try {
                    return URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new Malformed(name);
                }
            }
        }
        return null;
    }
}
