package io.mcpcluster.transport.streamable;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.McpException;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Reading the 2026-07-28 mirrored headers: a value is trimmed of surrounding whitespace (RFC 9110 OWS),
 * holds only visible ASCII, space and tab, and {@code Mcp-Name} and {@code Mcp-Param-*} values may carry
 * anything else Base64-encoded as {@code =?base64?…?=}. Every failure is -32020 (header mismatch).
 */
final class HeaderValues {
    /** Longer is refused before it is read: no name, URI or argument this server serves needs more. */
    static final int MAX_LENGTH = 8192;
    /** How much of a refused value an error message repeats. */
    private static final int SHOWN = 64;
    private static final String BASE64_PREFIX = "=?base64?";
    private static final String BASE64_SUFFIX = "?=";
    /** Padded standard Base64: the JDK decoder alone also takes a value whose padding is missing. */
    private static final Pattern BASE64 = Pattern.compile("([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

    private HeaderValues() {
    }

    /** The trimmed value of header {@code name}, or null when absent. */
    static String value(HttpServletRequest req, String name) {
        String raw = req.getHeader(name);
        if (raw == null) {
            return null;
        }
        if (raw.length() > MAX_LENGTH) {
            throw mismatch("the " + name + " header is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7E) {
                throw mismatch("the " + name + " header holds a character that is not allowed");
            }
        }
        return raw.strip();
    }

    /** {@code value} with a {@code =?base64?…?=} sentinel decoded; a value without the whole sentinel is literal. */
    static String decoded(String name, String value) {
        if (value == null || !value.startsWith(BASE64_PREFIX) || !value.endsWith(BASE64_SUFFIX)
                || value.length() < BASE64_PREFIX.length() + BASE64_SUFFIX.length()) {
            return value;
        }
        String encoded = value.substring(BASE64_PREFIX.length(), value.length() - BASE64_SUFFIX.length());
        if (!BASE64.matcher(encoded).matches()) {
            throw mismatch("the " + name + " header is not valid base64");
        }
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    /** {@code value} as an error message may repeat it: at most a short prefix. */
    static String shown(String value) {
        return value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "…";
    }

    static McpException mismatch(String detail) {
        return new McpException(ErrorCodes.HEADER_MISMATCH, "Header mismatch: " + detail);
    }
}
