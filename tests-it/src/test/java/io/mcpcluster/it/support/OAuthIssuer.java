package io.mcpcluster.it.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real OAuth 2.0 / OIDC authorization server (mock-oauth2-server, embedded, on loopback) with its
 * discovery documents, token endpoint and JWKS, and the tokens the tests need: good ones, and each kind
 * a resource server must refuse. Its issuer names {@code localhost} (as its tokens do); the nodes fetch
 * the JWKS from {@code 127.0.0.1}.
 */
public final class OAuthIssuer implements AutoCloseable {
    public static final String ISSUER_ID = "mcp";
    private final MockOAuth2Server server = new MockOAuth2Server();

    private OAuthIssuer() {
    }

    public static OAuthIssuer start() {
        OAuthIssuer issuer = new OAuthIssuer();
        try {
            issuer.server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return issuer;
    }

    public String issuer() {
        return issuer(ISSUER_ID);
    }

    /** Another issuer of the same server: same software, other keys, not configured on the nodes. */
    public String issuer(String issuerId) {
        return server.issuerUrl(issuerId).toString();
    }

    public String jwksUrl() {
        return server.jwksUrl(ISSUER_ID).toString().replace("//localhost:", "//127.0.0.1:");
    }

    /** A token of {@code issuerId} for {@code subject}, audience {@code audience}, expiring in {@code seconds}. */
    public String token(String issuerId, String subject, String audience, String scope, long seconds) {
        return server.issueToken(issuerId, subject, callback(issuerId, subject, audience, scope, seconds)).serialize();
    }

    /** The claims of a good token, signed by a key the issuer never published (its own key id). */
    public String tokenSignedByAnUnknownKey(String subject, String audience, String scope) {
        try {
            SignedJWT model = SignedJWT.parse(token(ISSUER_ID, subject, audience, scope, 600));
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rogue-key")
                    .type(JOSEObjectType.JWT).build(), model.getJWTClaimsSet());
            forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID("rogue-key").generate()));
            return forged.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code token}'s header and claims with the signature of another token of the same key. */
    public String withForeignSignature(String token, String other) {
        return token.substring(0, token.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));
    }

    /** What the token endpoint issues to the next client_credentials request (the client's id becomes the subject). */
    public void nextTokenFor(String audience, String scope) {
        server.enqueueCallback(callback(ISSUER_ID, "(the client id)", audience, scope, 600));
    }

    /** "METHOD path body" of every request the server received since the last call. */
    public List<String> received() {
        List<String> out = new ArrayList<>();
        try {
            for (;;) {
                RecordedRequest r = server.takeRequest(200, TimeUnit.MILLISECONDS);
                out.add(r.getMethod() + " " + r.getPath() + " " + r.getBody().readUtf8());
            }
        } catch (RuntimeException noMore) {
            return out; // takeRequest throws when none came within the wait
        }
    }

    private static DefaultOAuth2TokenCallback callback(String issuerId, String subject, String audience, String scope,
                                                       long seconds) {
        return new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(audience), Map.of("scope", scope),
                seconds);
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
