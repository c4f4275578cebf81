package io.mcpcluster.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One MCP session as the benchmark drives it: the same client code for every server measured, so
 * that the figures compare servers, not clients. {@link #call()} is one {@code tools/call} of the
 * trivial {@code text_stats} tool, checked.
 */
abstract class BenchClient implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"text_stats\",\"arguments\":{\"text\":\"a b c\"}}}";
    static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"%s\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    final AtomicInteger ids = new AtomicInteger(1);

    abstract void call() throws Exception;

    static void check(String body, int id) {
        if (!body.contains("\"id\":" + id + ",") || !body.contains("\\\"words\\\":3")) {
            throw new IllegalStateException("Unexpected answer to " + id + ": " + body);
        }
    }

    static HttpResponse<String> post(String url, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Streamable HTTP: initialize, then one POST per call (answered as JSON or as a short event stream). */
    static final class Streamable extends BenchClient {
        private final String url;
        private final Map<String, String> session;

        Streamable(String initUrl, String url) throws Exception {
            this.url = url;
            HttpResponse<String> init = post(initUrl, Map.of(), String.format(INIT, "2025-06-18"));
            String id = init.headers().firstValue("mcp-session-id").orElseThrow(() -> new IllegalStateException(init.body()));
            session = Map.of("mcp-session-id", id, "mcp-protocol-version", "2025-06-18");
            post(url, session, INITIALIZED);
        }

        @Override
        void call() throws Exception {
            int id = ids.getAndIncrement();
            HttpResponse<String> r = post(url, session, String.format(CALL, id));
            check(r.body(), id);
        }

        @Override
        public void close() {
            // Sessions expire on the server; nothing to release here.
        }
    }

    /**
     * The stateless 2026-07-28 era: no initialize and no session, one POST per call carrying the
     * request's own {@code _meta} and the headers the revision requires.
     */
    static final class Stateless extends BenchClient {
        private static final String MODERN_CALL = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"text_stats\",\"arguments\":{\"text\":\"a b c\"},\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        private static final Map<String, String> HEADERS = Map.of("MCP-Protocol-Version", "2026-07-28",
                "Mcp-Method", "tools/call", "Mcp-Name", "text_stats");
        private final String url;

        Stateless(String url) {
            this.url = url;
        }

        @Override
        void call() throws Exception {
            int id = ids.getAndIncrement();
            check(post(url, HEADERS, String.format(MODERN_CALL, id)).body(), id);
        }

        @Override
        public void close() {
            // Nothing was opened on the server.
        }
    }

    /**
     * Legacy HTTP+SSE: one stream (raw socket, read by one thread) and one POST per call; the call
     * completes when its response arrives on the stream.
     */
    static final class Legacy extends BenchClient {
        private final Socket socket;
        private final String postBase;
        private final Map<Integer, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
        private final CompletableFuture<String> endpoint = new CompletableFuture<>();

        Legacy(int streamPort, int postPort) throws Exception {
            socket = new Socket(InetAddress.getLoopbackAddress(), streamPort);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /sse HTTP/1.1\r\nHost: 127.0.0.1:" + streamPort + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread reader = new Thread(this::read, "bench-sse-reader");
            reader.setDaemon(true);
            reader.start();
            postBase = "http://127.0.0.1:" + postPort + endpoint.get(10, TimeUnit.SECONDS);
            CompletableFuture<String> init = new CompletableFuture<>();
            waiting.put(0, init);
            post(postBase, Map.of(), String.format(INIT, "2024-11-05"));
            init.get(10, TimeUnit.SECONDS);
            post(postBase, Map.of(), INITIALIZED);
        }

        private void read() {
            try (InputStream in = socket.getInputStream()) {
                StringBuilder line = new StringBuilder();
                String event = null;
                int b;
                while ((b = in.read()) != -1) {
                    if (b != '\n') {
                        line.append((char) b);
                        continue;
                    }
                    String l = line.toString().replace("\r", "");
                    line.setLength(0);
                    if (l.startsWith("event:")) {
                        event = l.substring(6).trim();
                    } else if (l.startsWith("data:")) {
                        String data = l.substring(5).trim();
                        if ("endpoint".equals(event)) {
                            endpoint.complete(data);
                        } else {
                            int at = data.indexOf("\"id\":");
                            if (at >= 0) {
                                int end = at + 5;
                                while (end < data.length() && Character.isDigit(data.charAt(end))) {
                                    end++;
                                }
                                CompletableFuture<String> f = waiting.remove(Integer.parseInt(data.substring(at + 5, end)));
                                if (f != null) {
                                    f.complete(data);
                                }
                            }
                        }
                    } else if (l.isEmpty()) {
                        event = null;
                    }
                }
            } catch (IOException | RuntimeException e) {
                waiting.values().forEach(f -> f.completeExceptionally(e));
            }
        }

        @Override
        void call() throws Exception {
            int id = ids.getAndIncrement();
            CompletableFuture<String> answer = new CompletableFuture<>();
            waiting.put(id, answer);
            int status = post(postBase, Map.of(), String.format(CALL, id)).statusCode();
            if (status / 100 != 2) {
                throw new IllegalStateException("POST answered " + status);
            }
            check(answer.get(30, TimeUnit.SECONDS), id);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
