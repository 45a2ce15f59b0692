package vn.motcua.result;

import java.time.Instant;

/**
 * An electronic result as stored: its number ({@code <dossier code>-KQ<n>}), the SHA-256 of the signed file, who
 * signed it and when, and, once revoked, when, by whom and why.
 *
 * @param demo signed with a demo key (a demo installation's), which the document itself also says
 */
public record IssuedResult(String number, String dossierCode, String agencyCode, String fileName, String sha256,
                           String signer, Instant signedAt, boolean demo, String issuedBy, Instant revokedAt,
                           String revokedBy, String revokeReason) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
