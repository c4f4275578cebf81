package io.mcpcluster.auth;

/** A bearer token that is not accepted; the message says why, for the log (it never holds the token). */
public final class InvalidBearerException extends Exception {
    public InvalidBearerException(String message) {
        super(message);
    }
}
