package io.mcpcluster.transport;

import io.mcpcluster.protocol.ErrorCodes;
import jakarta.json.JsonValue;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Collects one request body as the container reports bytes ready, for {@link BodyReadFilter}; then
 * stores it as a request attribute and dispatches the request again. Ends exactly once: dispatched,
 * refused (413 over the limit, 408 too slow), or failed (the client went away).
 */
final class BodyCollector implements ReadListener {
    static final String BODY_ATTRIBUTE = BodyCollector.class.getName() + ".body";
    private static final Logger LOG = Logger.getLogger(BodyCollector.class.getName());

    private final HttpServletRequest req;
    private final HttpServletResponse resp;
    private final AsyncContext async;
    private final long maxBytes;
    private final long readMillis;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[8192];
    private final AtomicBoolean ended = new AtomicBoolean();

    BodyCollector(HttpServletRequest req, HttpServletResponse resp, AsyncContext async, long maxBytes,
                  long readMillis) {
        this.req = req;
        this.resp = resp;
        this.async = async;
        this.maxBytes = maxBytes;
        this.readMillis = readMillis;
    }

    @Override
    public void onDataAvailable() throws IOException {
        ServletInputStream in = req.getInputStream();
        while (!ended.get() && in.isReady()) {
            int n = in.read(chunk);
            if (n < 0) {
                return;
            }
            if (body.size() + n > maxBytes) {
                refuse(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Request body larger than " + maxBytes + " bytes");
                return;
            }
            body.write(chunk, 0, n);
        }
    }

    @Override
    public void onAllDataRead() {
        if (ended.compareAndSet(false, true)) {
            req.setAttribute(BODY_ATTRIBUTE, body.toByteArray());
            async.dispatch();
        }
    }

    @Override
    public void onError(Throwable t) {
        if (ended.compareAndSet(false, true)) {
            LOG.fine(() -> "Reading the body of " + req.getRequestURI() + " failed: " + t);
            try {
                async.complete();
            } catch (IllegalStateException expiring) {
                // The async timeout is being handled at this moment: the container completes the request.
            }
        }
    }

    private void refuse(int status, String message) throws IOException {
        if (ended.compareAndSet(false, true)) {
            try {
                HttpReplies.error(req, resp, status, JsonValue.NULL, ErrorCodes.INVALID_REQUEST, message);
            } finally {
                async.complete();
            }
        }
    }

    /** Answers 408 when the body has not arrived in time. */
    AsyncListener timeoutListener() {
        return new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                refuse(HttpServletResponse.SC_REQUEST_TIMEOUT, "Request Timeout: the body did not arrive within "
                        + readMillis + " ms");
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onError(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        };
    }
}
