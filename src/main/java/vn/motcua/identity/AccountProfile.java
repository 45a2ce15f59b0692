package vn.motcua.identity;

import java.time.LocalDate;

/** What the state already knows about an applicant, used to pre-fill forms ("nhập một lần"). */
public record AccountProfile(
        String username,
        String fullName,
        String idNumber,
        LocalDate dateOfBirth,
        String phone,
        String email,
        String address,
        String taxCode,
        String organizationName) {

    /** The value for a form field's profile key, or null. */
    public String value(String profileKey) {
        if (profileKey == null) {
            return null;
        }
        return switch (profileKey) {
            case "fullName" -> fullName;
            case "idNumber" -> idNumber;
            case "dateOfBirth" -> dateOfBirth == null ? null : dateOfBirth.toString();
            case "phone" -> phone;
            case "email" -> email;
            case "address" -> address;
            case "taxCode" -> taxCode;
            case "organizationName" -> organizationName;
            default -> null;
        };
    }
}
