package io.mcpcluster.transport.console;

import io.mcpcluster.console.ConsoleFeed;
import io.mcpcluster.console.IdLookup;
import io.mcpcluster.node.NodeExecutors;
import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.transport.HttpReplies;
import jakarta.enterprise.inject.spi.CDI;
import io.mcpcluster.protocol.JsonRpc;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /cluster-console/api/lookup} with {@code {"id":"…"}}: what the cluster knows by a session, stream,
 * event or task id ({@link IdLookup}): 200 with it, 404 when nothing has that id, 400 for what is not an
 * id of this server, 413 for a body over {@value #MAX_BODY} bytes. A POST, so that no session id lands in
 * an access log's URL. The body is read and the caches are read on a worker thread, not the container's.
 */
public class ConsoleLookupServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ConsoleLookupServlet.class.getName());
    private static final long TIMEOUT_MILLIS = 15_000;
    static final int MAX_BODY = 1024;

    private transient OperatorAccess access;
    private transient ConsoleFeed feed;
    private transient IdLookup lookup;
    private transient ExecutorService workers;

    @Override
    public void init() {
        access = OperatorAccess.fromSettings();
        feed = CDI.current().select(ConsoleFeed.class).get();
        lookup = CDI.current().select(IdLookup.class).get();
        workers = CDI.current().select(NodeExecutors.class).get().workers();
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        if (!feed.enabled()) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_NOT_FOUND, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                    "Not Found: the console is off (set mcp.health.token, or mcp.auth.mode)");
            return;
        }
        if (!access.allows(req, resp)) {
            return;
        }
        if (req.getContentLengthLong() > MAX_BODY) {
            HttpReplies.error(req, resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, JsonValue.NULL,
                    ErrorCodes.INVALID_REQUEST, "Request body larger than " + MAX_BODY + " bytes");
            return;
        }
        AsyncContext async = req.startAsync();
        async.setTimeout(TIMEOUT_MILLIS);
        try {
            workers.execute(() -> answer(async));
        } catch (RejectedExecutionException e) {
            replyQuietly(req, resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable: the node is busy");
            async.complete();
        }
    }

    /** The id of a body {@code {"id":"…"}} of at most {@value #MAX_BODY} bytes, if it is well formed; else null. */
    private static String requestedId(HttpServletRequest req) throws IOException {
        byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1); // a worker thread: blocking is fine here
        if (body.length > MAX_BODY) {
            return null;
        }
        try {
            JsonValue id = JsonRpc.parseObject(new String(body, StandardCharsets.UTF_8)).get("id");
            return id instanceof JsonString s && IdLookup.wellFormed(s.getString()) ? s.getString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void replyQuietly(HttpServletRequest req, HttpServletResponse resp, int status, String message) {
        try {
            HttpReplies.error(req, resp, status, JsonValue.NULL, ErrorCodes.SERVER_ERROR, message);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Console answer not written", e);
        }
    }

    private void answer(AsyncContext async) {
        HttpServletRequest req = (HttpServletRequest) async.getRequest();
        HttpServletResponse resp = (HttpServletResponse) async.getResponse();
        try {
            String id = requestedId(req);
            if (id == null) {
                HttpReplies.error(req, resp, HttpServletResponse.SC_BAD_REQUEST, JsonValue.NULL, ErrorCodes.INVALID_PARAMS,
                        "Bad Request: the body must be {\"id\": a session, stream, event or task id of this server}");
                return;
            }
            Optional<JsonObject> found = lookup.find(id);
            if (found.isPresent()) {
                HttpReplies.json(resp, found.get().toString());
            } else {
                HttpReplies.error(req, resp, HttpServletResponse.SC_NOT_FOUND, JsonValue.NULL, ErrorCodes.SERVER_ERROR,
                        "Not Found: no session, stream or task has this id");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Console lookup failed", e);
            replyQuietly(req, resp, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal error: see the node's log");
        } catch (IOException e) {
            LOG.log(Level.FINE, "Console lookup answer not written", e);
        } finally {
            async.complete();
        }
    }
}
