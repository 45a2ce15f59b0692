package vn.motcua.dossier;

import java.util.Map;

/**
 * A dossier to create in one go (API and counter).
 *
 * @param agencyCode the competent agency; may be omitted when the procedure has only one possible
 * @param applicant  the applicant, for a walk-in at the counter; an online applicant is taken from their account
 */
public record NewDossier(String procedureCode, String agencyCode, Map<String, String> formData, Applicant applicant,
                         Integer sets) {
}
