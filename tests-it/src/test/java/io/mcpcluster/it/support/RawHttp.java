package io.mcpcluster.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so tests control every header (Host and Origin included) and see the
 * bytes on the wire exactly. {@link #send} uses {@code Connection: close} and reads to the end;
 * {@link #open} keeps an event stream open and reads it frame by frame.
 */
public final class RawHttp {
    private RawHttp() {
    }

    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public static Response send(int port, String method, String path, Map<String, String> headers, String body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            writeRequest(socket.getOutputStream(), port, method, path, headers, body, true);
            InputStream in = socket.getInputStream();
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
            socket.setSoTimeout(20_000);
            writeRequest(socket.getOutputStream(), port, method, path, headers, body, false);
            InputStream in = socket.getInputStream();
            Head head = readHead(in);
            return new EventStream(socket, in, head.status, head.headers);
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
}
