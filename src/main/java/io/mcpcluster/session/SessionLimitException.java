package io.mcpcluster.session;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.McpException;

/** A new session would exceed a session limit; {@link #httpStatus()} is 503 (node) or 429 (principal). */
public final class SessionLimitException extends McpException {
    private final int httpStatus;

    SessionLimitException(int httpStatus, String message) {
        super(ErrorCodes.SERVER_ERROR, message);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
