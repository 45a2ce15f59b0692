package vn.motcua.result;

import java.time.Instant;
import java.util.Optional;

/**
 * Documents other modules sign with an {@link AgencySeal} that {@code /xac-thuc} also verifies (certified copies):
 * implemented by those modules, so that the result module needs no dependency on them.
 */
public interface VerifiableDocuments {

    Optional<VerifiedDocument> byNumber(String number);

    Optional<VerifiedDocument> bySha256(String sha256);

    /**
     * What verification may show of such a document: never whose it is.
     *
     * @param kindKey   the message key naming what it is, e.g. {@code certification.verify.kind}
     * @param certifier the official who certified it, with their title
     */
    record VerifiedDocument(String kindKey, String number, String agencyCode, String certifier, String signer,
                            Instant signedAt, String sha256, boolean demo) {
    }
}
