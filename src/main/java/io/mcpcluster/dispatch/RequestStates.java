package io.mcpcluster.dispatch;

import io.mcpcluster.protocol.ErrorCodes;
import io.mcpcluster.protocol.JsonRpc;
import io.mcpcluster.protocol.Jsons;
import io.mcpcluster.protocol.McpException;
import io.mcpcluster.session.Ids;
import io.mcpcluster.session.RequestStateStore;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sealed {@code requestState} of MRTR rounds: AES-GCM under a key every node shares ({@link SealingKeys}:
 * configured, or generated once and kept in the cluster), its id in clear before the ciphertext
 * ({@code id.payload}) so that a new key never breaks a round in flight. Inside: principal, method, a digest of the params,
 * expiry, a nonce and the answers so far. A state is accepted once in the whole cluster.
 */
final class RequestStates {
    /** Larger than any honest state; refused before any work. */
    static final int MAX_TOKEN_CHARS = 256 * 1024;
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RequestStateStore store;
    private final SealingKeys keys;
    private final long lifetimeMillis;

    RequestStates(RequestStateStore store, SealingKeys keys, long lifetimeMillis) {
        this.store = store;
        this.keys = keys;
        this.lifetimeMillis = lifetimeMillis;
    }

    /** The digest that binds a state to its request: params without the round's own fields. */
    static String digest(JsonObject params) {
        JsonObject bound = params == null ? JsonValue.EMPTY_JSON_OBJECT : params;
        var b = Jsons.createObjectBuilder(bound);
        b.remove("inputResponses");
        b.remove("requestState");
        b.remove("_meta");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(JsonRpc.write(b.build()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String seal(String principal, String method, String digest, Map<String, JsonObject> answers) {
        var a = Jsons.createObjectBuilder();
        answers.forEach(a::add);
        JsonObject plain = Jsons.createObjectBuilder().add("p", principal == null ? "" : principal)
                .add("m", method).add("d", digest).add("e", System.currentTimeMillis() + lifetimeMillis)
                .add("n", Ids.random()).add("a", a).build();
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        SealingKeys.Named current = keys.current();
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, current.id(), current.key(), iv)
                    .doFinal(JsonRpc.write(plain).getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return current.id() + '.' + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a requestState", e);
        }
    }

    /**
     * The answers carried by {@code token}, once: a state that is malformed, tampered, expired, already
     * used, or made for another principal, method or params is -32602.
     */
    Map<String, JsonObject> open(String token, String principal, String method, String digest) {
        JsonObject plain = decrypt(token);
        if (!plain.getString("p", "").equals(principal == null ? "" : principal)
                || !plain.getString("m", "").equals(method) || !plain.getString("d", "").equals(digest)) {
            throw invalid("it was issued for another principal or request");
        }
        long expiry = plain.getJsonNumber("e").longValue();
        long left = expiry - System.currentTimeMillis();
        if (left <= 0) {
            throw invalid("it has expired");
        }
        if (!store.firstUse(plain.getString("n"), left + 60_000)) {
            throw invalid("it was already used");
        }
        Map<String, JsonObject> answers = new LinkedHashMap<>();
        plain.getJsonObject("a").forEach((k, v) -> answers.put(k, v.asJsonObject()));
        return answers;
    }

    private JsonObject decrypt(String token) {
        int dot = token.indexOf('.');
        if (token.length() > MAX_TOKEN_CHARS || dot <= 0) {
            throw invalid("it is not a state this server issued");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (in.length <= IV_BYTES) {
                throw invalid("it is truncated");
            }
            String keyId = token.substring(0, dot);
            byte[] plain;
            try {
                plain = decrypt(keyId, in);
            } catch (AEADBadTagException e) {
                if (!keys.refreshed(keyId)) {
                    throw e;
                }
                plain = decrypt(keyId, in); // sealed under the cluster's key, which this node had lost track of
            }
            return JsonRpc.parse(new String(plain, StandardCharsets.UTF_8)).asJsonObject();
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof McpException m) {
                throw m;
            }
            throw invalid("its integrity check failed");
        }
    }

    private byte[] decrypt(String keyId, byte[] in) throws GeneralSecurityException {
        byte[] key = keys.key(keyId);
        if (key == null) {
            throw invalid("its key is unknown here");
        }
        return cipher(Cipher.DECRYPT_MODE, keyId, key, Arrays.copyOf(in, IV_BYTES))
                .doFinal(in, IV_BYTES, in.length - IV_BYTES);
    }

    private static Cipher cipher(int mode, String keyId, byte[] key, byte[] iv) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        c.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return c;
    }

    private static McpException invalid(String why) {
        return new McpException(ErrorCodes.INVALID_PARAMS, "Invalid requestState: " + why);
    }
}
