package vn.motcua.feedback;

/**
 * A petition as the sender writes it.
 *
 * @param phone            the sender's phone, and/or
 * @param email            their email: at least one, to track it and be answered
 * @param procedureCode    the procedure it is about (optional)
 * @param dossierCode      the dossier it is about (optional; must exist)
 * @param agencyCode       the agency chosen by the sender, used only when neither the dossier nor the procedure names
 *                         one
 * @param consentToPublish whether the answer may be published on the portal (without the sender's personal data)
 */
public record NewPetition(String name, String phone, String email, String procedureCode, String dossierCode,
                          String agencyCode, String content, boolean consentToPublish) {
}
