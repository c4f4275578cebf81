package io.mcpcluster.session;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers: 128 random bits, base64url without padding (22 visible ASCII characters). */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Session ids must be visible ASCII (0x21–0x7E); reject anything else before touching the store. */
    public static boolean isWellFormed(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
