package vn.motcua.certification;

import java.time.Instant;

/**
 * An entry of a commune's certification book: a copy certified from its original.
 *
 * @param number         its number in the book of the agency and year, from 1 without gaps
 * @param reference      what {@code /xac-thuc} looks it up by, printed beside the QR code
 * @param electronic     an electronic copy, signed; false for a paper copy that is only recorded
 * @param applicantAccount the applicant's account whose data store received the copy, or null
 * @param originalSha256 the SHA-256 of the scan as uploaded (electronic copies)
 * @param sha256         the SHA-256 of the signed copy (electronic copies)
 */
public record CertifiedCopy(long id, String agencyCode, int year, int number, String reference, boolean electronic,
                            String applicantName, String applicantIdNumber, String applicantAccount,
                            String documentName, int pages, long fee, String originalSha256, String sha256,
                            String fileName, String signer, boolean demo, String certifier, String certifierName,
                            String certifierTitle, Instant certifiedAt) {

    /** The book it is in, as written on the copy: "01/2026-SCT/BS" (one book per commune and year). */
    public String book() {
        return bookOf(year);
    }

    public static String bookOf(int year) {
        return "01/" + year + "-SCT/BS";
    }
}
