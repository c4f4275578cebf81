package io.mcpcluster.dispatch;

import jakarta.json.JsonObject;

/** Where the messages of one request (notifications, server requests, its response) go. */
interface Outbound {
    void send(JsonObject message);

    /** Ends the request's connection so that the client resumes later; a no-op where nothing resumes. */
    void closeForPolling(String sessionId);
}
