package vn.motcua.result;

import java.time.Instant;

import vn.motcua.result.signing.Verdict;

/**
 * What checking a file says: the signature verdict, and the stored result the file is, byte for byte, if any.
 *
 * @param result the stored result with the same SHA-256, or null when the file is not one this system issued
 */
public record ResultCheck(Verdict.Status status, String signer, String organization, Instant signedAt,
                          IssuedResult result) {

    /** Authentic: a valid trusted signature over a file this system issued and has not revoked. */
    public boolean authentic() {
        return status == Verdict.Status.VALID && result != null && !result.revoked();
    }
}
