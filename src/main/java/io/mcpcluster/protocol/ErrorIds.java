package io.mcpcluster.protocol;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Correlation ids for unexpected failures: the client is told only the id, the server log line carries
 * it with the exception. Eight hex digits, unique enough to find one line in a day's logs.
 */
public final class ErrorIds {
    private ErrorIds() {
    }

    public static String next() {
        return String.format("%08x", ThreadLocalRandom.current().nextInt());
    }
}
