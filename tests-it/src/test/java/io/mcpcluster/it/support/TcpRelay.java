package io.mcpcluster.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay that keeps a copy of every byte it forwards, both ways: put between two nodes'
 * JGroups ports, it shows what someone on the network between them would see.
 */
public final class TcpRelay implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private TcpRelay(ServerSocket server, int target) {
        this.server = server;
        this.target = target;
    }

    /** Listens on {@code port} of 127.0.0.1 and forwards every connection to {@code target} there. */
    public static TcpRelay start(int port, int target) {
        try {
            TcpRelay relay = new TcpRelay(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()), target);
            Thread acceptor = new Thread(relay::accept, "relay-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Everything forwarded so far, both directions, read as ISO-8859-1 so that any byte sequence is searchable. */
    public String seen() {
        synchronized (seen) {
            return seen.toString(StandardCharsets.ISO_8859_1);
        }
    }

    public int bytesSeen() {
        synchronized (seen) {
            return seen.size();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(in);
                sockets.add(out);
                pump(in, out);
                pump(out, in);
            } catch (IOException e) {
                // Closed, or the target refused: the connecting node sees the connection fail.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (seen) {
                        seen.write(buffer, 0, n);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // One side closed: close the other too.
            } finally {
                close(from);
                close(to);
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        sockets.forEach(TcpRelay::close);
    }
}
