package vn.motcua.certification;

/**
 * What the official enters at the counter to certify a copy.
 *
 * @param electronic     an electronic copy from the uploaded scan; false: a paper copy, recorded with its pages
 * @param checked        the official has checked the copy against the original the applicant presented
 * @param pages          the number of pages of a paper copy (an electronic copy counts its scan's pages)
 * @param content        the scan (PDF, JPEG or PNG) of an electronic copy
 */
public record CopyRequest(String applicantName, String idNumber, String documentName, boolean electronic,
                          boolean checked, Integer pages, String fileName, byte[] content) {
}
