package io.mcpcluster.sse;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A servlet connection for {@link SseStream} without a container: an output stream whose
 * {@code isReady()} the test toggles (as a slow client makes Jetty's do), a response that records
 * status and headers, and an async context that records {@code complete()} and whether the stream's
 * lock was held at that moment.
 */
final class FakeConnection {
    final Map<String, String> headers = new ConcurrentHashMap<>();
    final AtomicInteger completions = new AtomicInteger();
    volatile int status;
    volatile boolean completedUnderLock;
    volatile boolean failWrites;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private volatile boolean ready = true;
    private volatile WriteListener writeListener;
    private volatile BooleanSupplier lockHeld = () -> false;

    final Out out = new Out();
    final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[]{HttpServletResponse.class}, (p, m, args) -> {
                switch (m.getName()) {
                    case "getOutputStream" -> {
                        return out;
                    }
                    case "setStatus" -> status = (Integer) args[0];
                    case "getStatus" -> {
                        return status == 0 ? HttpServletResponse.SC_OK : status; // a servlet response starts at 200
                    }
                    case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    default -> {
                        // character encoding and the rest: not observed
                    }
                }
                return null;
            });
    final AsyncContext async = (AsyncContext) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[]{AsyncContext.class}, (p, m, args) -> {
                switch (m.getName()) {
                    case "getResponse" -> {
                        return response;
                    }
                    case "complete" -> {
                        completedUnderLock |= lockHeld.getAsBoolean();
                        completions.incrementAndGet();
                    }
                    case "addListener" -> {
                        AsyncListener ignored = (AsyncListener) args[0];
                    }
                    default -> {
                        // timeouts, dispatch: not used by SseStream
                    }
                }
                return null;
            });

    /** Lets {@code complete()} see whether the stream's lock is held by the completing thread. */
    void watchLock(Object lock) {
        lockHeld = () -> Thread.holdsLock(lock);
    }

    void setReady(boolean ready) {
        this.ready = ready;
    }

    /** The client caught up: the container calls {@code onWritePossible()}. */
    void becomeReady() throws IOException {
        ready = true;
        writeListener.onWritePossible();
    }

    synchronized String written() {
        return written.toString(StandardCharsets.UTF_8);
    }

    final class Out extends ServletOutputStream {
        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            writeListener = listener;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (failWrites) {
                throw new IOException("client gone");
            }
            synchronized (FakeConnection.this) {
                written.write(b, off, len);
            }
        }
    }
}
