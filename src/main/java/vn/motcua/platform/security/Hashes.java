package vn.motcua.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as the system uses it: to fingerprint files (results, attachments), to store only the hash of a token, and
 * to chain the audit trail; and the constant-time comparison of secrets.
 */
public final class Hashes {

    private Hashes() {
    }

    public static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Lower-case hex, 64 characters. */
    public static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(sha256(content));
    }

    /** Of the text's UTF-8 bytes. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a given secret (key, token, signature) equals the expected one, in time that depends neither on where
     * they differ nor on the expected one's length (the hashes are compared). Null never matches.
     */
    public static boolean sameSecret(String given, String expected) {
        if (given == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(given.getBytes(StandardCharsets.UTF_8)),
                sha256(expected.getBytes(StandardCharsets.UTF_8)));
    }
}
