package io.mcpcluster.it.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Case {@code index} of the run seeded {@code seed}: the same pair always gives the same case. Live
 * values (the fuzz session's id, the legacy session's id, a stream id and an event id the node issued)
 * are written as the placeholders {@link #SESSION}, {@link #LEGACY}, {@link #STREAM}, {@link #EVENT} and
 * filled in when sent, so a recorded case replays against any node.
 */
final class CaseGenerator {
    static final String SESSION = "@SESSION@";
    static final String LEGACY = "@LEGACY@";
    static final String STREAM = "@STREAM@";
    static final String EVENT = "@EVENT@";
    private static final List<String> HEADERS = List.of("Mcp-Session-Id", "MCP-Protocol-Version", "Accept",
            "Content-Type", "Origin", "Last-Event-ID", "Mcp-Method", "Mcp-Name", "Host", "Content-Encoding",
            "Transfer-Encoding", "Expect");
    private static final String JSON = "application/json";
    private static final String BOTH = "application/json, text/event-stream";

    private final long seed;

    CaseGenerator(long seed) {
        this.seed = seed;
    }

    FuzzCase generate(long index) {
        HostileValues v = new HostileValues(new Random(seed * 0x9E3779B97F4A7C15L + index));
        int roll = v.below(100);
        if (roll < 32) {
            return sessionPost(index, v);
        } else if (roll < 60) {
            return modernPost(index, v);
        } else if (roll < 68) {
            return rawBody(index, v);
        } else if (roll < 76) {
            return streamGet(index, v);
        } else if (roll < 79) {
            return sessionDelete(index, v);
        } else if (roll < 84) {
            return legacyConnect(index, v);
        } else if (roll < 97) {
            return legacyMessage(index, v);
        }
        return otherPath(index, v);
    }

    private FuzzCase sessionPost(long index, HostileValues v) {
        BodyMutator.Mutated body = new BodyMutator(v).mutate(new Messages(v).sessionRequest());
        Map<String, String> h = headers(Map.of("Content-Type", JSON, "Accept", BOTH, "Mcp-Session-Id", SESSION,
                "MCP-Protocol-Version", Messages.SESSION_ERA));
        return withHeaderMutations(new FuzzCase(seed, index, "session/" + body.kind(), "POST", "/mcp", h, body.json()), v);
    }

    private FuzzCase modernPost(long index, HostileValues v) {
        Map<String, Object> message = new Messages(v).modernRequest();
        String method = (String) message.get("method");
        Object params = message.get("params");
        Object name = params instanceof Map<?, ?> p ? (p.containsKey("name") ? p.get("name") : p.get("uri")) : null;
        BodyMutator.Mutated body = new BodyMutator(v).mutate(message);
        Map<String, String> h = headers(Map.of("Content-Type", JSON, "Accept", BOTH, "MCP-Protocol-Version",
                Messages.MODERN, "Mcp-Method", method));
        if (name instanceof String s) {
            h.put("Mcp-Name", s);
        }
        return withHeaderMutations(new FuzzCase(seed, index, "modern/" + body.kind(), "POST", "/mcp", h, body.json()), v);
    }

    private FuzzCase rawBody(long index, HostileValues v) {
        String contentType = v.pick(List.of(JSON, "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "text/plain", "application/json; charset=utf-16", "application/json; charset=nope", ""));
        String body = v.pick(List.of("", "{", "[", "]", "null", "1", "\"x\"", "[]", "{}", "[[]]", "a=b&c=%zz",
                "jsonrpc=2.0&method=ping", "%", "\u0000\u0001\u0002", "--x\r\nContent-Disposition: form-data; name=a\r\n\r\nb\r\n--x--",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"", v.malformed(), v.nested(v.deepLevel()),
                "a=" + "b".repeat(100_000), v.randomText(200)));
        Map<String, String> h = headers(Map.of("Accept", BOTH, "Mcp-Session-Id", SESSION));
        if (!contentType.isEmpty()) {
            h.put("Content-Type", contentType);
        }
        String path = v.pick(List.of("/mcp", "/mcp", "/messages?sessionId=" + LEGACY));
        return new FuzzCase(seed, index, "raw-body/" + (contentType.isEmpty() ? "none" : contentType.split(";")[0].replace('/', '-')), "POST", path, h, body);
    }

    private FuzzCase streamGet(long index, HostileValues v) {
        Map<String, String> h = headers(Map.of("Accept", "text/event-stream", "Mcp-Session-Id", SESSION));
        h.put("Last-Event-ID", eventId(v));
        return withHeaderMutations(new FuzzCase(seed, index, "stream-get/last-event-id", "GET", "/mcp", h, null), v);
    }

    private FuzzCase sessionDelete(long index, HostileValues v) {
        Map<String, String> h = headers(Map.of("Mcp-Session-Id", v.headerValue()));
        return new FuzzCase(seed, index, "delete/session-id", "DELETE", "/mcp", h, null);
    }

    private FuzzCase legacyConnect(long index, HostileValues v) {
        Map<String, String> h = headers(Map.of("Accept", "text/event-stream"));
        if (v.chance(70)) {
            h.put("Last-Event-ID", eventId(v));
        }
        String query = v.chance(50) ? "?sessionId=" + v.pick(List.of(LEGACY, v.queryValue())) : "";
        return withHeaderMutations(new FuzzCase(seed, index, "legacy-connect", "GET", "/sse" + query, h, null), v);
    }

    private FuzzCase legacyMessage(long index, HostileValues v) {
        BodyMutator.Mutated body = new BodyMutator(v).mutate(new Messages(v).sessionRequest());
        String sessionId = v.chance(70) ? LEGACY : v.queryValue();
        String query = v.pick(List.of("?sessionId=" + sessionId, "?sessionId=" + sessionId + "&sessionId=" + SESSION,
                "?sessionid=" + LEGACY, "?" + sessionId, ""));
        Map<String, String> h = headers(Map.of("Content-Type", JSON));
        return withHeaderMutations(new FuzzCase(seed, index, "legacy-message/" + body.kind(), "POST",
                "/messages" + query, h, body.json()), v);
    }

    private FuzzCase otherPath(long index, HostileValues v) {
        String path = v.pick(List.of("/", "/health", "/health?x=%zz", "/mcp/", "/mcp/../mcp", "/%2e%2e/mcp", "/mcp;a=b",
                "/mcp%00", "/messages/x", "/sse/..;/mcp", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/mcp?%zz",
                "/" + "a".repeat(10_000), "//mcp", "/mcp#x"));
        String method = v.pick(List.of("GET", "POST", "PUT", "OPTIONS", "HEAD", "TRACE", "PATCH", "PROPFIND"));
        Map<String, String> h = headers(Map.of("Accept", BOTH, "Content-Type", JSON));
        return new FuzzCase(seed, index, "path/" + method, method, path, h, method.equals("POST") ? "{}" : null);
    }

    /** One to three headers set to hostile values or dropped, in a third of the cases. */
    private FuzzCase withHeaderMutations(FuzzCase c, HostileValues v) {
        if (!v.chance(33)) {
            return c;
        }
        Map<String, String> h = new LinkedHashMap<>(c.headers());
        StringBuilder names = new StringBuilder();
        for (int i = 0, n = 1 + v.below(3); i < n; i++) {
            String name = v.pick(HEADERS);
            names.append(names.isEmpty() ? "" : "+").append(name);
            if (v.chance(20)) {
                h.remove(name);
            } else {
                h.put(name, name.equals("Last-Event-ID") ? eventId(v) : headerValue(name, v));
            }
        }
        return new FuzzCase(c.seed(), c.index(), c.kind() + "/header:" + names, c.method(), c.path(), h, c.body());
    }

    private String headerValue(String name, HostileValues v) {
        if (v.chance(50)) {
            return v.headerValue();
        }
        return switch (name) {
            case "Content-Encoding" -> v.pick(List.of("gzip", "deflate", "br", "x"));
            case "Transfer-Encoding" -> v.pick(List.of("gzip", "identity", "chunked, gzip"));
            case "Expect" -> v.pick(List.of("100-continue", "200-ok"));
            case "Accept" -> v.pick(List.of("text/event-stream", JSON, "*/*", "text/html", "application/*;q=0"));
            case "Origin" -> v.pick(List.of("http://127.0.0.1", "null", "http://evil.example", "file://"));
            case "Mcp-Session-Id" -> v.pick(List.of(LEGACY, SESSION + SESSION, SESSION.toLowerCase(), STREAM));
            default -> v.pick(List.of(Messages.MODERN, Messages.SESSION_ERA, "2024-11-05", "tools/call", "ping"));
        };
    }

    /** A Last-Event-ID: a real stream with a sequence it never issued, a malformed id, or a real one. */
    private String eventId(HostileValues v) {
        return switch (v.below(4)) {
            case 0 -> STREAM + "." + v.pick(List.of("9223372036854775807", "9223372036854775808", "-1", "0", "1",
                    "1000000000", "2147483648", "1e3", "", "0x10", "1.5", "+3"));
            case 1 -> EVENT;
            case 2 -> v.pick(List.of("", ".", "..", STREAM, "." + STREAM, STREAM + "..1", "x.1", "AAAAAAAAAAAAAAAAAAAAAA.1",
                    "%zz.1", STREAM + ".1." + STREAM, "x".repeat(500) + ".1"));
            default -> v.headerValue();
        };
    }

    private static Map<String, String> headers(Map<String, String> base) {
        Map<String, String> h = new LinkedHashMap<>();
        for (String name : List.of("Content-Type", "Accept", "Mcp-Session-Id", "MCP-Protocol-Version", "Mcp-Method")) {
            if (base.containsKey(name)) {
                h.put(name, base.get(name));
            }
        }
        return h;
    }
}
