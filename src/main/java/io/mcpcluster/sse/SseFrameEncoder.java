package io.mcpcluster.sse;

import java.nio.charset.StandardCharsets;

/**
 * Encodes Server-Sent Events frames (WHATWG HTML, "event stream interpretation"). For
 * {@code encode("s1.3", "message", "{\"a\":1}")} the bytes on the wire are:
 * <pre>
 * id: s1.3
 * event: message
 * data: {"a":1}
 *
 * </pre>
 * Data with line breaks becomes one {@code data:} line per line; CR and LF are removed from ids and
 * event names so that nobody can inject a field or a frame through them.
 */
public final class SseFrameEncoder {
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    private SseFrameEncoder() {
    }

    /** {@code id} and {@code event} may be null (omitted); {@code data} null means an empty data line. */
    public static byte[] encode(String id, String event, String data) {
        StringBuilder sb = new StringBuilder(64 + (data == null ? 0 : data.length()));
        if (id != null) {
            sb.append("id: ").append(stripLineBreaks(id)).append('\n');
        }
        if (event != null) {
            sb.append("event: ").append(stripLineBreaks(event)).append('\n');
        }
        appendData(sb, data == null ? "" : data);
        sb.append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code retry: millis} followed by a blank line: how long the client waits before reconnecting. */
    public static byte[] retry(long millis) {
        return ("retry: " + millis + "\n\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The SEP-1699 priming event: an id to resume from and how long to wait before reconnecting, with
     * empty data ({@code id: X.0\nretry: 1000\ndata: \n\n}).
     */
    public static byte[] priming(String id, long retryMillis) {
        return ("id: " + stripLineBreaks(id) + "\nretry: " + retryMillis + "\ndata: \n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A comment frame; clients ignore it, proxies see traffic. */
    public static byte[] keepAlive() {
        return KEEP_ALIVE.clone();
    }

    static String stripLineBreaks(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r", "").replace("\n", "");
    }

    private static void appendData(StringBuilder sb, String data) {
        int start = 0;
        int len = data.length();
        while (true) {
            int cr = data.indexOf('\r', start);
            int lf = data.indexOf('\n', start);
            int end = cr < 0 ? lf : (lf < 0 ? cr : Math.min(cr, lf));
            if (end < 0) {
                sb.append("data: ").append(data, start, len).append('\n');
                return;
            }
            sb.append("data: ").append(data, start, end).append('\n');
            start = (end == cr && end + 1 < len && data.charAt(end + 1) == '\n') ? end + 2 : end + 1;
        }
    }
}
