package vn.motcua.certification;

/**
 * A copy was certified and entered in the book. The applicant's data store takes electronic copies of applicants
 * with an account.
 *
 * @param applicantAccount the applicant's account, or null when they have none
 */
public record CopyCertified(long id, String reference, String agencyCode, boolean electronic, String applicantAccount,
                            String documentName, String fileName, String sha256) {
}
