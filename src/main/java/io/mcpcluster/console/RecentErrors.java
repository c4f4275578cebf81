package io.mcpcluster.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The last errors of this node, newest first, bounded, read from its log (a handler on the
 * {@code io.mcpcluster} logger, installed by {@link #listenToLogs}): every refusal of a request (the line
 * {@code POST /mcp -> 404 -32001 Session not found} that the node logs for it) and every record of level
 * WARNING and above. Texts are cut to {@value #MAX_TEXT} characters; they are log lines, where
 * client-controlled text is escaped already.
 */
final class RecentErrors {
    static final int MAX_TEXT = 240;
    private static final int KEPT = 20;
    private static final Logger PRODUCT = Logger.getLogger("io.mcpcluster");
    private static final SimpleFormatter FORMAT = new SimpleFormatter();
    /** The loggers of every refusal (status, JSON-RPC code, reason), which they log at INFO. */
    private static final Set<String> REFUSALS = Set.of("io.mcpcluster.transport.HttpReplies",
            "io.mcpcluster.launcher.JsonRpcErrorHandler");

    private final Deque<NodeSnapshot.RecentError> recent = new ArrayDeque<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (REFUSALS.contains(record.getLoggerName())) {
                add(record.getMillis(), FORMAT.formatMessage(record));
            } else if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                add(record.getMillis(), record.getLevel().getName() + " " + shortName(record.getLoggerName()) + ": "
                        + FORMAT.formatMessage(record)
                        + (record.getThrown() == null ? "" : " (" + record.getThrown().getClass().getSimpleName() + ")"));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    void listenToLogs() {
        handler.setLevel(Level.WARNING);
        PRODUCT.addHandler(handler);
    }

    void stopListening() {
        PRODUCT.removeHandler(handler);
    }

    synchronized void add(long atMillis, String text) {
        String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text;
        recent.addFirst(new NodeSnapshot.RecentError(atMillis, t));
        while (recent.size() > KEPT) {
            recent.removeLast();
        }
    }

    synchronized List<NodeSnapshot.RecentError> newest(int max) {
        List<NodeSnapshot.RecentError> out = new ArrayList<>(Math.min(max, recent.size()));
        for (Iterator<NodeSnapshot.RecentError> it = recent.iterator(); it.hasNext() && out.size() < max; ) {
            out.add(it.next());
        }
        return out;
    }

    private static String shortName(String logger) {
        if (logger == null) {
            return "";
        }
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }
}
