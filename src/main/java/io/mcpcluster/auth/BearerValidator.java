package io.mcpcluster.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTProcessor;
import io.mcpcluster.config.AuthConfig;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Validates bearer JWTs the way every node must (Nimbus JOSE+JWT): signed with an asymmetric key of its
 * issuer's JWKS, {@code iss} one of the configured issuers (compared exactly), {@code aud} naming this
 * resource's canonical URL (RFC 8707), {@code sub} present, {@code exp} in the future within the clock
 * skew. Each issuer's JWKS is cached, fetched again on a key id it does not hold, at most once per
 * {@code mcp.auth.jwks.refresh.min.millis}. Thread safe.
 */
public final class BearerValidator {
    private static final int HTTP_TIMEOUT_MILLIS = 5000;
    private static final int JWKS_SIZE_LIMIT = 512 * 1024;
    private static final Set<JWSAlgorithm> ALGORITHMS = algorithms();

    private final Map<String, JWTProcessor<SecurityContext>> byIssuer = new HashMap<>();

    public BearerValidator(AuthConfig config) {
        config.jwksByIssuer().forEach((issuer, jwks) -> byIssuer.put(issuer, processor(config, issuer,
                jwkSource(config, jwks))));
    }

    /** For tests: one issuer whose keys come from {@code keys} instead of a URL. */
    BearerValidator(AuthConfig config, String issuer, JWKSource<SecurityContext> keys) {
        byIssuer.put(issuer, processor(config, issuer, keys));
    }

    public TokenPrincipal validate(String token) throws InvalidBearerException {
        SignedJWT jwt;
        String issuer;
        try {
            jwt = SignedJWT.parse(token);
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new InvalidBearerException("not a signed JWT");
        }
        JWTProcessor<SecurityContext> processor = issuer == null ? null : byIssuer.get(issuer);
        if (processor == null) {
            throw new InvalidBearerException("issuer not accepted: " + issuer);
        }
        try {
            JWTClaimsSet claims = processor.process(jwt, null);
            return new TokenPrincipal(issuer, claims.getSubject(), scopes(claims));
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidBearerException(e.getMessage());
        }
    }

    /** {@code scope} (RFC 8693 / RFC 9068: space separated), or {@code scp} (a string or an array) as some issuers send. */
    static Set<String> scopes(JWTClaimsSet claims) throws InvalidBearerException {
        Set<String> scopes = new HashSet<>();
        try {
            for (String claim : List.of("scope", "scp")) {
                Object value = claims.getClaim(claim);
                if (value instanceof String s) {
                    scopes.addAll(List.of(s.trim().split("\\s+")));
                } else if (value != null) {
                    scopes.addAll(claims.getStringListClaim(claim));
                }
            }
        } catch (ParseException e) {
            throw new InvalidBearerException("scope claim is neither a string nor a list of strings");
        }
        scopes.remove("");
        return scopes;
    }

    private static JWTProcessor<SecurityContext> processor(AuthConfig config, String issuer,
                                                           JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
                null));
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(config.resource()),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp"), null);
        claims.setMaxClockSkew((int) config.clockSkewSeconds());
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }

    private static JWKSource<SecurityContext> jwkSource(AuthConfig config, String jwksUrl) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(URI.create(jwksUrl).toURL(),
                            new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT))
                    .cache(TimeUnit.SECONDS.toMillis(config.jwksTtlSeconds()), HTTP_TIMEOUT_MILLIS)
                    .rateLimited(config.jwksRefreshMinMillis())
                    .retrying(false)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Bad JWKS URL " + jwksUrl, e);
        }
    }

    /** Asymmetric signatures only: a symmetric key would be a secret shared with every client. */
    private static Set<JWSAlgorithm> algorithms() {
        Set<JWSAlgorithm> all = new HashSet<>(JWSAlgorithm.Family.RSA);
        all.addAll(JWSAlgorithm.Family.EC);
        return Set.copyOf(all);
    }
}
