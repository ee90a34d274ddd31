package org.masthead.distribution;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs payloads the way the Standard Webhooks specification does, so receivers can use its
 * libraries: the secret is {@code whsec_} + base64 key; the signature header is {@code v1,} + base64
 * HMAC-SHA256 over {@code id.timestamp.body}, with the delivery id and the Unix timestamp (seconds)
 * sent as the {@code webhook-id} and {@code webhook-timestamp} headers. The timestamp lets receivers
 * refuse replays of old requests.
 */
final class WebhookSignature {

    static final String SECRET_PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    static String newSecret() {
        var key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    static String sign(String secret, String deliveryId, long timestampSeconds, String body) {
        var key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            var signed = mac.doFinal((deliveryId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
