package io.mcpcluster.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS server on 127.0.0.1 (UDP, a free port) that knows one name and answers its A query with the
 * given addresses, like the DNS of Kubernetes for a headless service: enough for JGroups' DNS_PING,
 * which asks it through {@code dns_address}. Every other question gets NXDOMAIN.
 */
public final class LoopbackDns implements AutoCloseable {
    private static final int TYPE_A = 1;
    private final DatagramSocket socket;
    private final String name;
    private final List<byte[]> addresses;
    private final AtomicInteger answered = new AtomicInteger();

    private LoopbackDns(String name, List<String> addresses) throws IOException {
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.name = name.toLowerCase(java.util.Locale.ROOT);
        this.addresses = addresses.stream().map(a -> {
            try {
                return InetAddress.getByName(a).getAddress();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        Thread t = new Thread(this::serve, "loopback-dns");
        t.setDaemon(true);
        t.start();
    }

    public static LoopbackDns start(String name, String... addresses) {
        try {
            return new LoopbackDns(name, List.of(addresses));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** How many A queries for the name were answered. */
    public int answered() {
        return answered.get();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                socket.receive(query);
                byte[] reply = answer(ByteBuffer.wrap(query.getData(), 0, query.getLength()));
                socket.send(new DatagramPacket(reply, reply.length, query.getSocketAddress()));
            } catch (SocketException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                // A malformed query: ignore it, the client retries or times out.
            }
        }
    }

    private byte[] answer(ByteBuffer q) {
        short id = q.getShort();
        short flags = q.getShort();
        q.position(12);
        StringBuilder qname = new StringBuilder();
        for (int len = q.get() & 0xff; len > 0; len = q.get() & 0xff) {
            byte[] label = new byte[len];
            q.get(label);
            qname.append(qname.length() == 0 ? "" : ".").append(new String(label, java.nio.charset.StandardCharsets.US_ASCII));
        }
        int qtype = q.getShort() & 0xffff;
        q.getShort(); // class
        int questionEnd = q.position();
        boolean known = qname.toString().toLowerCase(java.util.Locale.ROOT).equals(name);
        List<byte[]> records = known && qtype == TYPE_A ? addresses : List.of();
        ByteBuffer r = ByteBuffer.allocate(512);
        r.putShort(id);
        r.putShort((short) (0x8080 | (flags & 0x0100) | (known ? 0 : 3))); // QR, RA, RD echoed, NXDOMAIN if unknown
        r.putShort((short) 1).putShort((short) records.size()).putShort((short) 0).putShort((short) 0);
        r.put(q.array(), q.arrayOffset() + 12, questionEnd - 12);
        for (byte[] address : records) {
            r.putShort((short) 0xC00C).putShort((short) TYPE_A).putShort((short) 1).putInt(0)
                    .putShort((short) 4).put(address);
        }
        if (!records.isEmpty()) {
            answered.incrementAndGet();
        }
        byte[] out = new byte[r.position()];
        r.flip().get(out);
        return out;
    }

    @Override
    public void close() {
        socket.close();
    }
}
