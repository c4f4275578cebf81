package io.mcpcluster.transport;

import java.util.Locale;

/** Whether an Accept header admits a media type (wildcards included; q-values are not weighed). */
public final class AcceptHeader {
    private AcceptHeader() {
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
