package io.mcpcluster.it.limits;

import io.mcpcluster.it.support.McpHttpSession;
import io.mcpcluster.it.support.NodeProcess;
import io.mcpcluster.it.support.OAuthIssuer;
import io.mcpcluster.it.support.RawHttp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@code mcp.limit.sessions.per.principal} on a node with bearer authorization (a real authorization
 * server): one principal at its limit is refused 429/-32000 with no session created, another principal
 * is served meanwhile, and a session closed by its owner frees its place.
 */
@Timeout(120)
class SessionsPerPrincipalIT {
    private static final int LIMIT = 3;
    private static OAuthIssuer issuer;
    private static NodeProcess node;
    private static String resource;

    @BeforeAll
    static void start() {
        issuer = OAuthIssuer.start();
        int port = NodeProcess.freePort();
        resource = "http://127.0.0.1:" + port + "/mcp";
        try {
            node = NodeProcess.start("sessions-per-principal", Map.of("mcp.auth.mode", "bearer",
                    "mcp.auth.resource", resource, "mcp.auth.issuers", issuer.issuer(),
                    "mcp.auth.jwks.urls", issuer.jwksUrl(),
                    "mcp.limit.sessions.per.principal", String.valueOf(LIMIT)), port);
        } catch (RuntimeException e) {
            issuer.close();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        issuer.close();
    }

    @Test
    void aPrincipalAtItsLimitIsRefusedWhileAnotherIsServedAndAClosedSessionFreesItsPlace() {
        String carol = token("carol");
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            RawHttp.Response r = initialize(carol);
            assertEquals(200, r.status(), r.toString());
            sessions.add(r.header("Mcp-Session-Id"));
        }
        RawHttp.Response refused = initialize(carol);
        assertEquals(429, refused.status(), refused.toString());
        assertNull(refused.header("Mcp-Session-Id"), "no session is created beyond the limit");
        JsonObject error = McpHttpSession.parse(refused.body()).getJsonObject("error");
        assertEquals(-32000, error.getInt("code"), refused.body());

        String dave = token("dave");
        RawHttp.Response bystander = initialize(dave);
        assertEquals(200, bystander.status(), "another principal is served: " + bystander);
        String daveSession = bystander.header("Mcp-Session-Id");
        assertEquals(200, RawHttp.send(node.port(), "POST", "/mcp", headers(dave, daveSession),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").status());

        assertEquals(200, RawHttp.send(node.port(), "DELETE", "/mcp", headers(carol, sessions.get(0)), null).status());
        // The count learns of the close through the cluster's session-closed signal: give it a moment.
        long deadline = System.currentTimeMillis() + 10_000;
        RawHttp.Response again = initialize(carol);
        while (again.status() == 429 && System.currentTimeMillis() < deadline) {
            sleep(100);
            again = initialize(carol);
        }
        assertEquals(200, again.status(), "a closed session frees its place: " + again);
        assertNotNull(again.header("Mcp-Session-Id"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static RawHttp.Response initialize(String token) {
        return RawHttp.send(node.port(), "POST", "/mcp", headers(token, null),
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"quota-it\",\"version\":\"1\"}}}");
    }

    private static Map<String, String> headers(String token, String session) {
        Map<String, String> h = new HashMap<>(McpHttpSession.headers(session));
        h.put("Authorization", "Bearer " + token);
        return h;
    }

    private static String token(String subject) {
        return issuer.token(OAuthIssuer.ISSUER_ID, subject, resource, "", 600);
    }
}
