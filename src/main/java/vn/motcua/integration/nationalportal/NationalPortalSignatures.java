package vn.motcua.integration.nationalportal;

import vn.motcua.platform.security.HmacSignatures;

/**
 * The {@code X-Signature} of a message exchanged with the national portal: the lower-case hex HMAC-SHA256 of the exact
 * body bytes under the shared signing secret ({@link HmacSignatures}, which the national procedure database's
 * answers use too). A message without it, or with a wrong one, is treated as not sent.
 */
public final class NationalPortalSignatures {

    public static final String HEADER = HmacSignatures.HEADER;

    private NationalPortalSignatures() {
    }

    public static String sign(String secret, byte[] body) {
        return HmacSignatures.sign(secret, body);
    }

    public static String sign(String secret, String body) {
        return HmacSignatures.sign(secret, body);
    }

    /** Whether {@code signature} is the body's, compared in constant time. */
    public static boolean verify(String secret, byte[] body, String signature) {
        return HmacSignatures.verify(secret, body, signature);
    }
}
