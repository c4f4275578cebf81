package io.mcpcluster.protocol;

import java.util.Locale;

/** RFC 5424 severities used by {@code logging/setLevel} and {@code notifications/message}, least severe first. */
public enum LogLevel {
    DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LogLevel parse(String name) {
        if (name != null) {
            for (LogLevel l : values()) {
                if (l.wireName().equals(name)) {
                    return l;
                }
            }
        }
        throw McpException.invalidParams("Invalid log level: " + name);
    }

    /** True when a message at this level passes a session whose minimum is {@code minimum} (null: all pass). */
    public boolean passes(LogLevel minimum) {
        return minimum == null || ordinal() >= minimum.ordinal();
    }
}
