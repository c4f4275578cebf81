package io.mcpcluster.it.limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Slowloris: connections that send a request a byte at a time, from the calling thread (one
 * {@link #dribble} call sends one more byte on every connection). Half-open heads never end; bodies
 * declare more bytes than they will ever send.
 */
final class SlowClients implements AutoCloseable {
    private final List<Socket> bodies = new ArrayList<>();
    private final List<Socket> heads = new ArrayList<>();
    private final int port;

    SlowClients(int port) {
        this.port = port;
    }

    /** A POST whose head is complete and whose body of {@code declared} bytes starts with one byte. */
    void openBody(int declared) throws IOException {
        Socket s = connect();
        String head = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json, text/event-stream\r\nContent-Length: " + declared + "\r\n\r\n{";
        s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        bodies.add(s);
    }

    /** A request head that has only begun. */
    void openHead() throws IOException {
        Socket s = connect();
        s.getOutputStream().write(("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Slow: ")
                .getBytes(StandardCharsets.US_ASCII));
        heads.add(s);
    }

    /** One more byte on every connection still open; returns how many took it. */
    int dribble() {
        int alive = 0;
        for (Socket s : bodies) {
            alive += write(s, ' ');
        }
        for (Socket s : heads) {
            alive += write(s, 'a');
        }
        return alive;
    }

    /** The status line of each slow body's answer, read within one shared deadline (null: none came). */
    List<String> bodyAnswers(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        List<String> out = new ArrayList<>();
        for (Socket s : bodies) {
            out.add(statusLine(s, deadline));
        }
        return out;
    }

    private static String statusLine(Socket s, long deadline) {
        try {
            InputStream in = s.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                s.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
                int b = in.read();
                if (b < 0 || b == '\n') {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII).trim();
                }
                line.write(b);
            }
        } catch (IOException timedOutOrReset) {
            return null;
        }
    }

    private static int write(Socket s, char c) {
        try {
            s.getOutputStream().write(c);
            s.getOutputStream().flush();
            return 1;
        } catch (IOException closedByServer) {
            return 0;
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(20_000);
        return s;
    }

    @Override
    public void close() {
        for (List<Socket> list : List.of(bodies, heads)) {
            for (Socket s : list) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
