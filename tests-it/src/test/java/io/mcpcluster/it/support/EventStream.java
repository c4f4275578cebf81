package io.mcpcluster.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An open HTTP response read as Server-Sent Events over a raw socket. Frames are returned as the raw
 * text between blank lines, so tests can assert the exact wire format; chunked framing is removed.
 */
public final class EventStream implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final int status;
    private final Map<String, String> headers;
    private final boolean chunked;
    private final StringBuilder pending = new StringBuilder();

    EventStream(Socket socket, InputStream in, int status, Map<String, String> headers) {
        this.socket = socket;
        this.in = in;
        this.status = status;
        this.headers = headers;
        this.chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
    }

    public int status() {
        return status;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The next frame's text (without the blank line), or null when the stream ended or nothing came in time. */
    public String nextFrame(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            while (true) {
                int end = pending.indexOf("\n\n");
                if (end >= 0) {
                    String frame = pending.substring(0, end);
                    pending.delete(0, end + 2);
                    return frame;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return null;
                }
                socket.setSoTimeout((int) left);
                String chunk = readChunk();
                if (chunk == null) {
                    return null;
                }
                pending.append(chunk);
            }
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next frame that carries data (comments and priming frames skipped), as the data line's value. */
    public String nextData(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            String frame = nextFrame(deadline - System.currentTimeMillis());
            if (frame == null) {
                return null;
            }
            String data = data(frame);
            if (data != null) {
                return data;
            }
        }
        return null;
    }

    /**
     * The next frame starting with {@code prefix} (the frames before it skipped), or null when the stream
     * ended or none came within {@code timeoutMillis}.
     */
    public String nextFrameStartingWith(String prefix, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (String f = nextFrame(timeoutMillis); f != null; f = nextFrame(deadline - System.currentTimeMillis())) {
            if (f.startsWith(prefix)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Every frame until the stream ends or stays silent for {@code quietMillis}; fails when it is still
     * sending after {@code totalMillis} (a stream that never ends must not hold a test forever).
     */
    public List<String> remainingFrames(long quietMillis, long totalMillis) {
        long deadline = System.currentTimeMillis() + totalMillis;
        List<String> frames = new ArrayList<>();
        for (String f = nextFrame(quietMillis); f != null; f = nextFrame(quietMillis)) {
            frames.add(f);
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the stream still sends after " + totalMillis + " ms: " + f);
            }
        }
        return frames;
    }

    /** As {@link #remainingFrames}, each frame that carries data as its data line's value. */
    public List<String> remainingData(long quietMillis, long totalMillis) {
        return remainingFrames(quietMillis, totalMillis).stream().map(EventStream::data).filter(Objects::nonNull).toList();
    }

    /** The value of a frame's first non-empty data line, or null. */
    private static String data(String frame) {
        for (String line : frame.split("\n")) {
            if (line.startsWith("data: ") && line.length() > 6) {
                return line.substring(6);
            }
        }
        return null;
    }

    /** Whatever the response still carries, read until it ends or the timeout passes (a refusal's body). */
    public String remaining(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            while (System.currentTimeMillis() < deadline) {
                socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
                String chunk = readChunk();
                if (chunk == null) {
                    break;
                }
                pending.append(chunk);
            }
        } catch (IOException endedOrTimedOut) {
            // what arrived so far is the answer
        }
        String text = pending.toString();
        pending.setLength(0);
        return text;
    }

    /** True when the server ends the response within the timeout. */
    public boolean awaitEnd(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            try {
                socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
                if (readChunk() == null) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    private String readChunk() throws IOException {
        if (!chunked) {
            byte[] buf = new byte[8192];
            int n = in.read(buf);
            return n < 0 ? null : new String(buf, 0, n, StandardCharsets.UTF_8);
        }
        // Jetty sends a chunk's closing CRLF with the next chunk, so it is skipped here, not after the data.
        String sizeLine = RawHttp.readLine(in);
        if (sizeLine.isEmpty()) {
            sizeLine = RawHttp.readLine(in);
        }
        int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
        if (size == 0) {
            return null;
        }
        byte[] data = in.readNBytes(size);
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test connection: nothing to do
        }
    }
}
