package vn.motcua.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import vn.motcua.audit.AuditEntry;
import vn.motcua.platform.security.Hashes;

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
        return Hashes.sha256Hex(content.toString());
    }

    private static void field(StringBuilder content, String value) {
        if (value == null) {
            content.append("-1:");
            return;
        }
        content.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
    }
}
