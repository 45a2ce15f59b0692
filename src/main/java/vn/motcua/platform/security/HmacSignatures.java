package vn.motcua.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Signature} of a message exchanged with a national system (the national portal, the national procedure
 * database, the LGSP): the lower-case hex HMAC-SHA256 of the exact body bytes under the shared signing secret. A message
 * without it, or with a wrong one, is treated as not sent.
 */
public final class HmacSignatures {

    public static final String HEADER = "X-Signature";

    private HmacSignatures() {
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(String secret, String body) {
        return sign(secret, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code signature} is the body's, compared in constant time. */
    public static boolean verify(String secret, byte[] body, String signature) {
        if (signature == null || secret == null || secret.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
                signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
