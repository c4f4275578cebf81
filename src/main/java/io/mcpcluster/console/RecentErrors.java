package io.mcpcluster.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The last errors of this node, newest first, bounded: errors answered to clients ({@link #add}) and
 * the product's log records of level WARNING and above (a handler on the {@code io.mcpcluster} logger,
 * installed by {@link #listenToLogs}). Texts are cut to {@value #MAX_TEXT} characters; they come from
 * log lines and request lines, where client-controlled text is escaped already.
 */
final class RecentErrors {
    static final int MAX_TEXT = 240;
    private static final int KEPT = 20;
    private static final Logger PRODUCT = Logger.getLogger("io.mcpcluster");
    private static final SimpleFormatter FORMAT = new SimpleFormatter();

    private final Deque<NodeSnapshot.RecentError> recent = new ArrayDeque<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                String message = FORMAT.formatMessage(record);
                add(record.getMillis(), record.getLevel().getName() + " " + shortName(record.getLoggerName()) + ": "
                        + message + (record.getThrown() == null ? "" : " (" + record.getThrown().getClass().getSimpleName() + ")"));
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
