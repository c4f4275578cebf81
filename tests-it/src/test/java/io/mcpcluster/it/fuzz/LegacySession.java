package io.mcpcluster.it.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A legacy HTTP+SSE session (2024-11-05) for the fuzzer's {@code /messages} cases: its stream carries the
 * answers to those POSTs, so a thread reads it to the end and hands every data line that leaks a class
 * name or a stack frame to {@link #leaks()}. {@link #ended()} tells when the node closed it.
 */
final class LegacySession implements AutoCloseable {
    private static final Pattern ENDPOINT = Pattern.compile("data: /messages\\?sessionId=([A-Za-z0-9_-]+)");
    private final Socket socket;
    private final String sessionId;
    private final ConcurrentLinkedQueue<String> leaks = new ConcurrentLinkedQueue<>();
    private final CountDownLatch end = new CountDownLatch(1);

    private LegacySession(Socket socket, String sessionId, BufferedReader reader) {
        this.socket = socket;
        this.sessionId = sessionId;
        Thread drain = new Thread(() -> drain(reader), "fuzz-legacy-stream");
        drain.setDaemon(true);
        drain.start();
    }

    static LegacySession open(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /sse HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            Matcher m = ENDPOINT.matcher(line);
            if (m.find()) {
                socket.setSoTimeout(0);
                return new LegacySession(socket, m.group(1), reader);
            }
        }
        socket.close();
        throw new IOException("no endpoint event on /sse");
    }

    private void initialize(FuzzHttp http) {
        String path = "/messages?sessionId=" + sessionId;
        http.send("POST", path, Sessions.headers(null), "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\","
                + "\"version\":\"1\"}}}");
        http.send("POST", path, Sessions.headers(null), "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    static LegacySession openInitialized(int port, FuzzHttp http) throws IOException {
        LegacySession s = open(port);
        s.initialize(http);
        return s;
    }

    private void drain(BufferedReader reader) {
        try {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("data:") && !Oracle.leaks(line).isEmpty()) {
                    leaks.add(line.length() > 600 ? line.substring(0, 600) + "…" : line);
                }
            }
        } catch (IOException e) {
            // closed by close() or by the node: ended() says so
        } finally {
            end.countDown();
        }
    }

    String id() {
        return sessionId;
    }

    boolean ended() {
        try {
            return end.await(0, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Data lines that leaked since the last call. */
    List<String> leaks() {
        List<String> out = new java.util.ArrayList<>();
        for (String s; (s = leaks.poll()) != null; ) {
            out.add(s);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
