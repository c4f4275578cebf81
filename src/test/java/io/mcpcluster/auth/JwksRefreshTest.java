package io.mcpcluster.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import io.mcpcluster.config.AuthConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.mcpcluster.auth.TestKeys.ISSUER;
import static io.mcpcluster.auth.TestKeys.RESOURCE;
import static io.mcpcluster.auth.TestKeys.claims;
import static io.mcpcluster.auth.TestKeys.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The issuer's JWKS served over HTTP on loopback: fetched once, again on an unknown key id, never in a burst. */
@Timeout(30)
class JwksRefreshTest {
    private static final long REFRESH_MIN_MILLIS = 1000;
    private final List<RSAKey> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer jwks;
    private BearerValidator validator;

    @BeforeEach
    void serveJwks() throws IOException {
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(published.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK())
                    .toList()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        validator = new BearerValidator(new AuthConfig(AuthConfig.Mode.BEARER, RESOURCE,
                Map.of(ISSUER, "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks"), Set.of(), 30,
                REFRESH_MIN_MILLIS, 300));
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    @Test
    void fetchesTheKeysOnceAndARotatedKeyOnItsUnknownKid() throws Exception {
        RSAKey k1 = TestKeys.rsa("k1");
        published.add(k1);
        for (int i = 0; i < 5; i++) {
            validator.validate(sign(k1, claims().build()));
        }
        assertEquals(1, fetches.get(), "cached after the first fetch");

        RSAKey k2 = TestKeys.rsa("k2");
        published.add(k2);
        long deadline = System.nanoTime() + 10_000_000_000L;
        TokenPrincipal p = null;
        while (p == null && System.nanoTime() < deadline) {
            try {
                p = validator.validate(sign(k2, claims().build()));
            } catch (InvalidBearerException rateLimitedYet) {
                Thread.onSpinWait();
            }
        }
        assertEquals(ISSUER + "#alice", p == null ? null : p.getName(), "the rotated key is found");
        assertTrue(fetches.get() <= 3, "refreshes are rate limited: " + fetches.get());
    }

    @Test
    void aBurstOfUnknownKeyIdsCausesAtMostAFewFetches() throws Exception {
        RSAKey k1 = TestKeys.rsa("k1");
        published.add(k1);
        validator.validate(sign(k1, claims().build()));
        RSAKey attacker = TestKeys.rsa("k1");
        long started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            String forged = sign(attacker, "unknown-" + i, claims().build());
            assertThrows(InvalidBearerException.class, () -> validator.validate(forged));
        }
        long windows = 1 + (System.nanoTime() - started) / 1_000_000 / REFRESH_MIN_MILLIS;
        // Nimbus's limiter lets two refreshes through per interval: the first fetch's window and the burst's.
        assertTrue(fetches.get() <= 2 * (windows + 1), "an attacker cannot make every request fetch the JWKS: "
                + fetches.get() + " fetches in " + windows + " refresh intervals");
    }
}
