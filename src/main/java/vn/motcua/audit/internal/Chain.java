package vn.motcua.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import vn.motcua.audit.AuditEntry;

/**
 * The canonical content of an entry and its hash. Every field is written as its length in UTF-8 bytes, a colon and
 * the bytes (a null as {@code -1:}), so no two different entries have the same content; times to the microsecond,
 * as PostgreSQL keeps them. Used by the writer and by the verifiers, with no Spring, so the command line verifier
 * computes exactly what the application wrote.
 */
public final class Chain {

    /** The previous hash of a stream's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private Chain() {
    }

    public static Instant precision(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public static String hash(AuditEntry e) {
        StringBuilder content = new StringBuilder(256);
        field(content, "motcua-audit/1");
        field(content, e.stream());
        field(content, Long.toString(e.seq()));
        field(content, precision(e.at()).toString());
        field(content, e.actor());
        field(content, e.roles());
        field(content, e.agencyCode());
        field(content, e.action());
        field(content, e.subject());
        field(content, e.dataSubject());
        field(content, e.client());
        field(content, e.outcome());
        field(content, e.detail());
        field(content, e.prevHash());
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    private static void field(StringBuilder content, String value) {
        if (value == null) {
            content.append("-1:");
            return;
        }
        content.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
    }
}
