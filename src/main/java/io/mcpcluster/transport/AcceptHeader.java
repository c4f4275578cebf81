package io.mcpcluster.transport;

import java.util.Locale;

/** Whether an Accept header admits a media type (wildcards included; q-values are not weighed). */
public final class AcceptHeader {
    private AcceptHeader() {
    }

    /**
     * Whether the client would rather have {@code a} than {@code b}: the higher q-value wins, then the
     * one listed first. Used to answer a POST as an event stream when the client lists that first.
     */
    public static boolean prefers(String accept, String a, String b) {
        return rank(accept, a) > rank(accept, b);
    }

    /** q-value × 1000 minus position, so that equal q-values fall back to the order of the header. */
    private static double rank(String accept, String mediaType) {
        if (accept == null) {
            return -1;
        }
        String[] parts = accept.toLowerCase(Locale.ROOT).split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] fields = parts[i].split(";");
            if (fields[0].trim().equals(mediaType)) {
                double q = 1;
                for (int f = 1; f < fields.length; f++) {
                    String field = fields[f].trim();
                    if (field.startsWith("q=")) {
                        try {
                            q = Double.parseDouble(field.substring(2));
                        } catch (NumberFormatException ignored) {
                            q = 0;
                        }
                    }
                }
                return q * 1000 - i;
            }
        }
        return -1;
    }

    public static boolean accepts(String accept, String mediaType) {
        if (accept == null) {
            return false;
        }
        String wanted = mediaType.toLowerCase(Locale.ROOT);
        String family = wanted.substring(0, wanted.indexOf('/')) + "/*";
        for (String part : accept.toLowerCase(Locale.ROOT).split(",")) {
            String type = part.split(";")[0].trim();
            if (type.equals(wanted) || type.equals("*/*") || type.equals(family)) {
                return true;
            }
        }
        return false;
    }
}
