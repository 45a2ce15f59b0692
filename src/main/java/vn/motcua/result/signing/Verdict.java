package vn.motcua.result.signing;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of checking a signed PDF: what a citizen or an official needs to know, and a detail line for logs.
 *
 * @param status       the conclusion
 * @param signer       CN of the signer certificate, or null when unknown
 * @param organization O of the signer certificate, or null when unknown
 * @param signedAt     the claimed signing time (CMS signing-time, else /M), or null when unknown
 * @param detail       a short English explanation
 */
public record Verdict(Status status, String signer, String organization, Instant signedAt, String detail) {

    public Verdict {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /** Why a PDF is or is not acceptable; only VALID means the document is the one the trusted agency signed. */
    public enum Status {
        /** Intact, covering the whole file, by a certificate that chains to a trusted authority. */
        VALID,
        /** Some byte changed, was added or removed after signing, or a signature is malformed. */
        ALTERED,
        /** Intact, but the signer is not vouched for by a trusted authority (or not at the signing time). */
        UNTRUSTED,
        /** A readable PDF without any signature. */
        NOT_SIGNED,
        /** Not a readable PDF. */
        UNREADABLE
    }

    public boolean valid() {
        return status == Status.VALID;
    }
}
