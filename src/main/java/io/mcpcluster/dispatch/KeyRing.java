package io.mcpcluster.dispatch;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keys given by the operator: {@code id:base64key} entries separated by commas or new lines, the first
 * one current (it seals), the others accepted when opening. Rotating without breaking a round: add the
 * new key second on every node, then move it first, then drop the old one once its tokens have expired
 * (the state lifetime).
 */
record KeyRing(String currentId, Map<String, byte[]> keys) implements SealingKeys {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    KeyRing {
        keys = Map.copyOf(keys);
    }

    static KeyRing single(String id, String base64Key) {
        return new KeyRing(id, Map.of(id, decode(id, base64Key)));
    }

    /** Parses {@code text}; {@code source} names it in the message of a bad entry. Lines starting {@code #} are comments. */
    static KeyRing parse(String text, String source) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : withoutComments(text).split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int colon = e.indexOf(':');
            String id = colon < 0 ? "" : e.substring(0, colon).strip();
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException(source + ": an entry is not id:base64key with an id of letters, "
                        + "digits, - or _ (at most 32)");
            }
            if (keys.put(id, decode(id, e.substring(colon + 1).strip())) != null) {
                throw new IllegalArgumentException(source + ": key id " + id + " appears twice");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(source + ": no key");
        }
        return new KeyRing(keys.keySet().iterator().next(), keys);
    }

    private static String withoutComments(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.strip().startsWith("#")) {
                b.append(line).append(',');
            }
        }
        return b.toString();
    }

    private static byte[] decode(String id, String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("requestState key " + id + " is not base64");
        }
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("requestState key " + id + " has " + key.length
                    + " bytes; AES takes 16, 24 or 32");
        }
        return key;
    }

    @Override
    public Named current() {
        return new Named(currentId, keys.get(currentId));
    }

    @Override
    public byte[] key(String id) {
        return keys.get(id);
    }
}
