package io.mcpcluster.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * Opens and re-seals a {@code requestState} with a key the test gave the nodes, as someone holding the key
 * could: the test changes one field of a genuine state (its expiry, its principal) and the nodes must
 * still refuse it. The format is the server's: {@code keyId.base64url(iv ‖ AES-GCM(json))}, the key id
 * authenticated as associated data.
 */
public final class SealedStates {
    private static final int IV_BYTES = 12;

    private SealedStates() {
    }

    /** {@code token} with its sealed JSON changed by {@code change}, sealed again under the same key. */
    public static String reseal(String token, byte[] key, UnaryOperator<JsonObject> change) {
        int dot = token.indexOf('.');
        String keyId = token.substring(0, dot);
        byte[] in = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        try {
            byte[] plain = cipher(Cipher.DECRYPT_MODE, keyId, key, Arrays.copyOf(in, IV_BYTES))
                    .doFinal(in, IV_BYTES, in.length - IV_BYTES);
            JsonObject changed = change.apply(McpHttpSession.parse(new String(plain, StandardCharsets.UTF_8)));
            byte[] iv = new byte[IV_BYTES];
            new SecureRandom().nextBytes(iv);
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, keyId, key, iv)
                    .doFinal(changed.toString().getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return keyId + '.' + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a state sealed under this key: " + token, e);
        }
    }

    /** {@code object} with {@code field} set to {@code value}. */
    public static JsonObject with(JsonObject object, String field, jakarta.json.JsonValue value) {
        return Json.createObjectBuilder(object).add(field, value).build();
    }

    private static Cipher cipher(int mode, String keyId, byte[] key, byte[] iv) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        c.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return c;
    }
}
