package io.mcpcluster.api;

/**
 * Sends {@code notifications/message} to the client of the current request, filtered by the level the
 * session chose with {@code logging/setLevel}. Inject it as a tool parameter. Thread safe; never blocks.
 */
public interface McpLog {
    /** {@code level} is an RFC 5424 name: debug, info, notice, warning, error, critical, alert, emergency. */
    void send(String level, Object data);

    default void debug(String format, Object... args) {
        send("debug", args.length == 0 ? format : String.format(format, args));
    }

    default void info(String format, Object... args) {
        send("info", args.length == 0 ? format : String.format(format, args));
    }

    default void error(String format, Object... args) {
        send("error", args.length == 0 ? format : String.format(format, args));
    }
}
