package io.mcpcluster.it.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends one request over a fresh socket exactly as given (no header is checked or encoded) and reads
 * the answer under one deadline. An event stream that a GET opened is read for a short window and then
 * closed: it is meant to stay open. Anything else must end before the deadline, or it is a hang.
 */
final class FuzzHttp {
    /** Kept of an answer for the oracle and the report; the rest is read and dropped. */
    private static final int KEPT_BYTES = 4 << 20;

    /** What came back. {@code head} is the status line and headers as received; null when nothing came. */
    record Answer(int status, String head, String body, boolean hang, String transportError) {
        boolean eventStream() {
            return head != null && head.toLowerCase(Locale.ROOT).contains("content-type: text/event-stream");
        }
    }

    private final int port;
    private final long deadlineMillis;
    private final long streamWindowMillis;

    FuzzHttp(int port, long deadlineMillis, long streamWindowMillis) {
        this.port = port;
        this.deadlineMillis = deadlineMillis;
        this.streamWindowMillis = streamWindowMillis;
    }

    Answer send(String method, String path, Map<String, String> headers, String body) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
        String head = null;
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            write(socket.getOutputStream(), method, path, headers, body);
            InputStream in = socket.getInputStream();
            head = readHead(socket, in, deadline);
            while (head != null && status(head) == 100) {
                head = readHead(socket, in, deadline); // "100 Continue" comes before the answer
            }
            if (head == null) {
                return new Answer(0, null, "", false, "closed without an answer");
            }
            boolean keepOpen = !method.equals("POST") && head.toLowerCase(Locale.ROOT).contains("text/event-stream");
            long end = keepOpen ? Math.min(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(streamWindowMillis))
                    : deadline;
            boolean ended = readBody(socket, in, end, kept);
            String text = kept.toString(StandardCharsets.UTF_8);
            return new Answer(status(head), head, text, !ended && !keepOpen, null);
        } catch (SocketTimeoutException e) {
            return new Answer(head == null ? 0 : status(head), head, kept.toString(StandardCharsets.UTF_8), true, null);
        } catch (IOException e) {
            return new Answer(head == null ? 0 : status(head), head, kept.toString(StandardCharsets.UTF_8), false,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void write(OutputStream out, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        if (headers.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
            sb.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        if (body != null && headers.keySet().stream().noneMatch("Transfer-Encoding"::equalsIgnoreCase)) {
            sb.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        sb.append("Connection: close\r\n\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.flush();
    }

    /** The head up to the blank line, or null if the server closed before sending a byte. */
    private static String readHead(Socket socket, InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last = 0;
        while (last != 0x0D0A0D0A && (last & 0xFFFF) != 0x0A0A) {
            arm(socket, deadline);
            int b = in.read();
            if (b == -1) {
                return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
            }
            head.write(b);
            last = (last << 8) | b;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads to the end of the answer or to {@code end}; true when the server ended it. */
    private static boolean readBody(Socket socket, InputStream in, long end, ByteArrayOutputStream kept)
            throws IOException {
        byte[] buffer = new byte[16_384];
        while (true) {
            if (end - System.nanoTime() <= 0) {
                return false;
            }
            int n;
            try {
                arm(socket, end);
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                return false;
            }
            if (n == -1) {
                return true;
            }
            if (kept.size() < KEPT_BYTES) {
                kept.write(buffer, 0, Math.min(n, KEPT_BYTES - kept.size()));
            }
        }
    }

    private static void arm(Socket socket, long deadline) throws IOException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new SocketTimeoutException("deadline");
        }
        socket.setSoTimeout((int) left);
    }

    private static int status(String head) {
        String[] parts = head.split(" ", 3);
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
