package io.mcpcluster.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mcpcluster.config.AuthConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.mcpcluster.auth.TestKeys.ISSUER;
import static io.mcpcluster.auth.TestKeys.RESOURCE;
import static io.mcpcluster.auth.TestKeys.claims;
import static io.mcpcluster.auth.TestKeys.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(30)
class BearerValidatorTest {
    private static final RSAKey KEY = TestKeys.rsa("k1");
    private static final AuthConfig CONFIG = new AuthConfig(AuthConfig.Mode.BEARER, RESOURCE,
            Map.of(ISSUER, "https://issuer.test/jwks"), Set.of(), 30, 30_000, 300);
    private final BearerValidator validator = new BearerValidator(CONFIG, ISSUER,
            new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK())));

    @Test
    void acceptsATokenOfTheIssuerForThisResourceAndNamesIssuerAndSubject() throws Exception {
        TokenPrincipal p = validator.validate(sign(KEY, claims().build()));
        assertEquals(ISSUER + "#alice", p.getName());
        assertEquals(Set.of("mcp", "notes:read"), p.scopes());
    }

    @Test
    void readsScopesFromAnScpArrayToo() throws Exception {
        TokenPrincipal p = validator.validate(sign(KEY, claims().claim("scope", null)
                .claim("scp", List.of("a", "b")).build()));
        assertEquals(Set.of("a", "b"), p.scopes());
    }

    @Test
    void rejectsATokenForAnotherAudience() {
        assertRejected(sign(KEY, claims().audience("https://other.example.com/mcp").build()));
        assertRejected(sign(KEY, claims().audience((String) null).build()));
    }

    @Test
    void rejectsAnExpiredTokenBeyondTheClockSkewButNotWithinIt() throws Exception {
        Instant now = Instant.now();
        assertRejected(sign(KEY, claims().expirationTime(Date.from(now.minusSeconds(60))).build()));
        validator.validate(sign(KEY, claims().expirationTime(Date.from(now.minusSeconds(5))).build()));
        assertRejected(sign(KEY, claims().expirationTime(null).build()));
    }

    @Test
    void rejectsATokenOfAnotherIssuerEvenWithAKnownKey() {
        assertRejected(sign(KEY, claims().issuer("https://evil.test/realm").build()));
        assertRejected(sign(KEY, claims().issuer(null).build()));
    }

    @Test
    void rejectsABadSignatureAndAnUnknownKey() {
        RSAKey other = TestKeys.rsa("k1");
        assertRejected(sign(other, claims().build()));
        assertRejected(sign(TestKeys.rsa("k2"), claims().build()));
        String good = sign(KEY, claims().build());
        String tampered = good.substring(0, good.lastIndexOf('.') + 1) + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new byte[256]);
        assertRejected(tampered);
    }

    @Test
    void rejectsASymmetricAlgorithmAnUnsignedTokenAndGarbage() {
        byte[] secret = KEY.toPublicJWK().getModulus().decode();
        assertRejected(TestKeys.signHmac(java.util.Arrays.copyOf(secret, 64), "k1", claims().build()));
        JWTClaimsSet c = claims().build();
        assertRejected(new com.nimbusds.jwt.PlainJWT(c).serialize());
        assertRejected("not.a.token");
        assertRejected("");
    }

    @Test
    void rejectsATokenWithoutSubject() {
        assertRejected(sign(KEY, claims().subject(null).build()));
    }

    private void assertRejected(String token) {
        assertThrows(InvalidBearerException.class, () -> validator.validate(token));
    }
}
