package io.mcpcluster.it.cluster;

import io.mcpcluster.it.support.EventStream;
import io.mcpcluster.it.support.LocalCluster;
import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.OAuthIssuer;
import io.mcpcluster.it.support.Processes;
import io.mcpcluster.it.support.RawHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three nodes behind nginx as an OAuth 2.1 resource server of a real authorization server: a stock client
 * finds the issuer from the 401 and calls through the balancer; every kind of bad token is refused on a
 * node other than the one that created the session; one principal never reaches another's session,
 * MRTR requestState or legacy stream, on any node; the console opens only to a token with its scope.
 */
class OAuthIT {
    private static final String SCOPES = "mcp:tools notes:write";
    private static final AtomicInteger NEXT_ID = new AtomicInteger(100);
    private static OAuthIssuer issuer;
    private static LocalCluster cluster;
    private static String resource;

    @BeforeAll
    static void start() {
        issuer = OAuthIssuer.start();
        int balancerPort = NodeProcess.freePort();
        resource = "http://127.0.0.1:" + balancerPort + "/mcp";
        Map<String, String> auth = Map.of("mcp.auth.mode", "bearer", "mcp.auth.resource", resource,
                "mcp.auth.issuers", issuer.issuer(), "mcp.auth.jwks.urls", issuer.jwksUrl(),
                "mcp.auth.scopes", "mcp:tools");
        try {
            cluster = LocalCluster.start("oauth", 3, 3, auth, false, balancerPort);
        } catch (RuntimeException e) {
            issuer.close();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        issuer.close();
    }

    @Test
    void theTypeScriptSdkFindsTheIssuerFromThe401GetsATokenAndCallsThroughTheBalancer() {
        issuer.received();
        issuer.nextTokenFor(resource, SCOPES);
        Processes.Result r = Processes.run(List.of("node", "tests-it/node/oauth-client.mjs", resource, "ts-client",
                "ts-secret", issuer.issuer(), "20"), 120);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("oauth-client OK calls=20"), r.output());
        assertTrue(r.output().contains("touch_note") && r.output().contains("text_stats"), r.output());
        List<String> seen = issuer.received();
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("POST /" + OAuthIssuer.ISSUER_ID + "/token ")
                && s.contains("grant_type=client_credentials") && s.contains("resource=")),
                "a token was requested for this resource (RFC 8707): " + seen);
    }

    @Test
    void everyNodeAnswers401PointingAtTheMetadataOfThePublicUrl() {
        String challenge = "Bearer resource_metadata=\"" + metadataUrl() + "\", scope=\"mcp:tools\"";
        for (int port : ports(true)) {
            RawHttp.Response r = RawHttp.send(port, "POST", "/mcp", McpHttpSession.headers(null), initialize());
            assertEquals(401, r.status(), r.toString());
            assertEquals(challenge, r.header("WWW-Authenticate"));
            for (String path : List.of("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
                RawHttp.Response m = RawHttp.send(port, "GET", path, Map.of(), null);
                assertEquals(200, m.status(), path + ": " + m);
                JsonObject doc = McpHttpSession.parse(m.body());
                assertEquals(resource, doc.getString("resource"), "the public URL, not the node's");
                assertEquals(issuer.issuer(), doc.getJsonArray("authorization_servers").getString(0));
                assertEquals("[\"mcp:tools\",\"notes:write\"]", doc.getJsonArray("scopes_supported").toString());
            }
        }
    }

    @Test
    void eachBadTokenIsRefusedOnANodeOtherThanTheSessionsCreator() {
        String alice = token("alice", SCOPES);
        String session = initialize(cluster.node(0).port(), alice);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("wrong audience", issuer.token(OAuthIssuer.ISSUER_ID, "alice", "http://127.0.0.1:1/mcp", SCOPES, 600));
        bad.put("expired", issuer.token(OAuthIssuer.ISSUER_ID, "alice", resource, SCOPES, -120));
        bad.put("wrong issuer", issuer.token("elsewhere", "alice", resource, SCOPES, 600));
        bad.put("bad signature", issuer.withForeignSignature(alice, token("mallory", SCOPES)));
        bad.put("unknown key id", issuer.tokenSignedByAnUnknownKey("alice", resource, SCOPES));
        for (int node : List.of(1, 2)) {
            int port = cluster.node(node).port();
            for (Map.Entry<String, String> b : bad.entrySet()) {
                RawHttp.Response r = post(port, b.getValue(), session, ping(7));
                assertEquals(401, r.status(), b.getKey() + " on node " + node + ": " + r);
                assertTrue(r.header("WWW-Authenticate").startsWith("Bearer error=\"invalid_token\", resource_metadata="),
                        b.getKey() + ": " + r.header("WWW-Authenticate"));
            }
            assertEquals(200, post(port, alice, session, ping(8)).status(), "the good token still works");
        }
        for (int node = 0; node < 3; node++) {
            String log = read(cluster.node(node).log());
            assertTrue(log.contains("Bearer token refused") || node == 0, "refusals are logged, with their reason");
            for (String token : List.of(alice, bad.get("expired"), bad.get("unknown key id"))) {
                assertFalse(log.contains(token.substring(token.lastIndexOf('.') - 20)), "no token in a node's log");
            }
        }
    }

    private static String read(java.nio.file.Path log) {
        try {
            return java.nio.file.Files.readString(log);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMissingScopeIs403NamingEveryScopeNeededAndHidesTheFeatureFromLists() {
        String narrow = token("carol", "mcp:tools");
        String session = initialize(cluster.node(0).port(), narrow);
        RawHttp.Response call = post(cluster.node(1).port(), narrow, session, touchNote(3));
        assertEquals(403, call.status(), call.toString());
        assertEquals("Bearer error=\"insufficient_scope\", resource_metadata=\"" + metadataUrl()
                + "\", scope=\"mcp:tools notes:write\"", call.header("WWW-Authenticate"));
        assertFalse(toolNames(cluster.node(2).port(), narrow, session).contains("touch_note"));
        assertTrue(toolNames(cluster.node(2).port(), narrow, session).contains("text_stats"));
        String wide = token("carol", SCOPES);
        assertTrue(toolNames(cluster.node(1).port(), wide, session).contains("touch_note"),
                "the same principal with a wider token sees more at once");
        assertEquals(200, post(cluster.node(2).port(), wide, session, touchNote(4)).status());
        RawHttp.Response noBase = post(cluster.node(1).port(), token("carol", "notes:write"), session, ping(5));
        assertEquals(403, noBase.status(), "the required scope is missing: " + noBase);
    }

    @Test
    void principalBCannotUseTheSessionOfPrincipalAOnAnyNode() {
        String alice = token("alice", SCOPES);
        String bob = token("bob", SCOPES);
        String session = initialize(cluster.node(0).port(), alice);
        for (int port : ports(true)) {
            assertEquals(404, post(port, bob, session, ping(9)).status(), "POST as bob on " + port);
            Map<String, String> h = auth(bob, session);
            h.put("Accept", "text/event-stream");
            try (EventStream stream = RawHttp.open(port, "GET", "/mcp", h, null)) {
                assertEquals(404, stream.status(), "GET stream as bob on " + port);
            }
            assertEquals(404, RawHttp.send(port, "DELETE", "/mcp", auth(bob, session), null).status());
            assertEquals(200, post(port, alice, session, ping(10)).status(), "alice's session lives on");
        }
    }

    @Test
    void principalBCannotUseTheRequestStateOfPrincipalA() {
        String tool = "test_input_required_result_elicitation";
        String alice = token("alice", SCOPES);
        JsonObject first = modernCall(cluster.node(0).port(), alice, tool, "", 20);
        assertEquals("input_required", first.getJsonObject("result").getString("resultType"), first.toString());
        String retry = ",\"inputResponses\":{\"user_name\":{\"action\":\"accept\",\"content\":{\"name\":\"Alice\"}}},"
                + "\"requestState\":\"" + first.getJsonObject("result").getString("requestState") + "\"";
        JsonObject asBob = modernCall(cluster.node(1).port(), token("bob", SCOPES), tool, retry, 21);
        assertEquals(-32602, asBob.getJsonObject("error").getInt("code"), asBob.toString());
        JsonObject asAlice = modernCall(cluster.node(2).port(), alice, tool, retry, 22);
        assertEquals("Hello, Alice!", asAlice.getJsonObject("result").getJsonArray("content").getJsonObject(0)
                .getString("text"), asAlice.toString());
    }

    @Test
    void aLegacyStreamResumesOnlyWithItsSessionIdAndItsPrincipal() {
        String alice = token("alice", SCOPES);
        Map<String, String> sse = auth(alice, null);
        sse.put("Accept", "text/event-stream");
        String endpoint;
        String lastId;
        try (EventStream stream = RawHttp.open(cluster.node(0).port(), "GET", "/sse", sse, null)) {
            endpoint = stream.nextFrame(5_000).split("data: ")[1];
            Map<String, String> json = auth(alice, null);
            assertEquals(202, RawHttp.send(cluster.node(1).port(), "POST", endpoint, json, initialize()).status());
            lastId = stream.nextFrameStartingWith("id: ", 10_000).split("\n")[0].substring(4);
        }
        String withSession = "/sse" + endpoint.substring(endpoint.indexOf('?'));
        assertNotEquals(endpoint, resumedEndpoint(2, token("bob", SCOPES), withSession, lastId), "bob: a new session");
        assertNotEquals(endpoint, resumedEndpoint(1, alice, "/sse", lastId), "an event id alone: a new session");
        assertEquals(endpoint, resumedEndpoint(2, alice, withSession, lastId), "alice with her session id resumes");
    }

    private static String resumedEndpoint(int node, String token, String path, String lastId) {
        Map<String, String> h = auth(token, null);
        h.put("Accept", "text/event-stream");
        h.put("Last-Event-ID", lastId);
        try (EventStream s = RawHttp.open(cluster.node(node).port(), "GET", path, h, null)) {
            assertEquals(200, s.status());
            return s.nextFrameStartingWith("event: endpoint", 5_000).split("data: ")[1];
        }
    }

    private static JsonObject modernCall(int port, String token, String tool, String extra, int id) {
        Map<String, String> h = auth(token, null);
        h.put("MCP-Protocol-Version", "2026-07-28");
        h.put("Mcp-Method", "tools/call");
        h.put("Mcp-Name", tool);
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"oauth-it\",\"version\":\"1\"},"
                + "\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}}}";
        RawHttp.Response r = RawHttp.send(port, "POST", "/mcp", h, "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":{}" + extra + ","
                + meta + "}}");
        List<JsonObject> messages = McpHttpSession.messages(r);
        return messages.get(messages.size() - 1);
    }

    private static String toolNames(int port, String token, String session) {
        // A request id is used once per session: a repeated one is taken for a balancer's retry.
        RawHttp.Response r = post(port, token, session, "{\"jsonrpc\":\"2.0\",\"id\":" + NEXT_ID.incrementAndGet()
                + ",\"method\":\"tools/list\"}");
        assertEquals(200, r.status(), r.toString());
        List<JsonObject> messages = McpHttpSession.messages(r);
        return messages.get(messages.size() - 1).getJsonObject("result").getJsonArray("tools").toString();
    }

    private static String initialize(int port, String token) {
        RawHttp.Response r = RawHttp.send(port, "POST", "/mcp", auth(token, null), initialize());
        assertEquals(200, r.status(), r.toString());
        String session = r.header("Mcp-Session-Id");
        assertEquals(202, post(port, token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .status());
        return session;
    }

    @Test
    void theConsoleOpensToABearerTokenWithTheConsoleScopeOnly() {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        for (int port : ports(true)) {
            assertEquals(401, RawHttp.send(port, "POST", "/cluster-console/api/lookup", json, "{\"id\":\"abc\"}").status());
            assertEquals(403, RawHttp.send(port, "POST", "/cluster-console/api/lookup", consoleAuth(token("alice", SCOPES)),
                    "{\"id\":\"abc\"}").status(), "an MCP user's token does not open the console");
            assertEquals(401, RawHttp.send(port, "POST", "/cluster-console/api/lookup",
                    consoleAuth(issuer.token(OAuthIssuer.ISSUER_ID, "ops", resource, "mcp:console", -120)),
                    "{\"id\":\"abc\"}").status(), "an expired operator's token");
            RawHttp.Response found = RawHttp.send(port, "POST", "/cluster-console/api/lookup",
                    consoleAuth(token("ops", "mcp:console")), "{\"id\":\"abc\"}");
            assertEquals(404, found.status(), "let in, and nothing has that id: " + found.body());
        }
        try (EventStream feed = RawHttp.open(cluster.balancer().port(), "GET", "/cluster-console/api/events",
                Map.of("Authorization", "Bearer " + token("ops", "mcp:console")), null)) {
            assertEquals(200, feed.status());
            assertEquals("history", McpHttpSession.parse(feed.nextData(10_000)).getString("type"));
        }
    }

    private static Map<String, String> consoleAuth(String token) {
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    private static RawHttp.Response post(int port, String token, String session, String body) {
        return RawHttp.send(port, "POST", "/mcp", auth(token, session), body);
    }

    private static Map<String, String> auth(String token, String session) {
        Map<String, String> h = new HashMap<>(McpHttpSession.headers(session));
        h.put("Authorization", "Bearer " + token);
        return h;
    }

    private static String token(String subject, String scope) {
        return issuer.token(OAuthIssuer.ISSUER_ID, subject, resource, scope, 600);
    }

    private static List<Integer> ports(boolean withBalancer) {
        List<Integer> ports = new java.util.ArrayList<>(List.of(cluster.node(0).port(), cluster.node(1).port(),
                cluster.node(2).port()));
        if (withBalancer) {
            ports.add(cluster.balancer().port());
        }
        return ports;
    }

    private static String metadataUrl() {
        return resource.replace("/mcp", "/.well-known/oauth-protected-resource/mcp");
    }

    private static String initialize() {
        return "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"oauth-it\",\"version\":\"1\"}}}";
    }

    private static String ping(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}";
    }

    private static String touchNote(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"touch_note\","
                + "\"arguments\":{\"topic\":\"security\"}}}";
    }
}
