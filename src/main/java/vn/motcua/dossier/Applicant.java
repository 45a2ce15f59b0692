package vn.motcua.dossier;

/**
 * The person or organisation a dossier is for, as written on it.
 *
 * @param username the portal account that submitted it, null for a walk-in applicant without an account
 */
public record Applicant(String username, String fullName, String idNumber, String phone, String email,
                        String address, String organizationName, String taxCode) {
}
