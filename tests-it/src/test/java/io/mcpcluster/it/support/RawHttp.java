package io.mcpcluster.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 over a plain socket, so tests control every header (Host and Origin included) and see the
 * bytes on the wire exactly. {@link #send} uses {@code Connection: close} and reads to the end;
 * {@link #open} keeps an event stream open and reads it frame by frame. Every read has a deadline: a
 * silent server fails a read after 20 s, and a whole response (or an event stream's head) must arrive
 * within {@link #RESPONSE_DEADLINE_MILLIS}, so a server that trickles keep-alives cannot stall a test.
 */
public final class RawHttp {
    private static final int READ_TIMEOUT_MILLIS = 20_000;
    private static final long RESPONSE_DEADLINE_MILLIS = 60_000;

    private RawHttp() {
    }

    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public static Response send(int port, String method, String path, Map<String, String> headers, String body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            writeRequest(socket.getOutputStream(), port, method, path, headers, body, true);
            InputStream in = new DeadlineInput(socket, RESPONSE_DEADLINE_MILLIS);
            Head head = readHead(in);
            byte[] rest = in.readAllBytes();
            String text = "chunked".equalsIgnoreCase(head.headers.get("transfer-encoding")) ? dechunk(rest)
                    : new String(rest, StandardCharsets.UTF_8);
            return new Response(head.status, head.headers, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the request and reads the head; the body is read with {@link EventStream#nextFrame}. */
    public static EventStream open(int port, String method, String path, Map<String, String> headers, String body) {
        try {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            writeRequest(socket.getOutputStream(), port, method, path, headers, body, false);
            // The head is read byte by byte, so the stream's reader goes on exactly where it ended.
            Head head = readHead(new DeadlineInput(socket, RESPONSE_DEADLINE_MILLIS));
            return new EventStream(socket, socket.getInputStream(), head.status, head.headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRequest(OutputStream out, int port, String method, String path, Map<String, String> headers,
                                     String body, boolean close) throws IOException {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "127.0.0.1:" + port);
        h.putAll(headers);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null && !h.containsKey("Transfer-Encoding")) {
            h.put("Content-Length", String.valueOf(bytes.length));
        }
        if (close) {
            h.put("Connection", "close");
        }
        StringBuilder sb = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        h.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        sb.append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.flush();
    }

    private record Head(int status, Map<String, String> headers) {
    }

    private static Head readHead(InputStream in) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new Head(status, headers);
    }

    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("Connection closed");
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static String dechunk(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < raw.length) {
            int lineEnd = indexOf(raw, pos);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(raw, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(raw, lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] raw, int from) {
        for (int i = from; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** A socket's input whose every read waits at most until one deadline, however the bytes trickle in. */
    private static final class DeadlineInput extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        DeadlineInput(Socket socket, long millis) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        }

        @Override
        public int read() throws IOException {
            armTimeout();
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            armTimeout();
            return in.read(b, off, len);
        }

        private void armTimeout() throws IOException {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("the response did not end within " + RESPONSE_DEADLINE_MILLIS + " ms");
            }
            socket.setSoTimeout((int) Math.min(left, READ_TIMEOUT_MILLIS));
        }
    }
}
