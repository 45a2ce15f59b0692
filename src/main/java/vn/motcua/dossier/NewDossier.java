package vn.motcua.dossier;

import java.util.Map;
import java.util.Set;

/**
 * A dossier to create in one go (API and counter).
 *
 * @param agencyCode       the competent agency; may be omitted when the procedure has only one possible
 * @param applicant        the applicant, for a walk-in at the counter; an online applicant is taken from their account
 * @param documentsOnPaper at the counter, indexes of the required documents the officer received on paper without
 *                         a scan
 */
public record NewDossier(String procedureCode, String agencyCode, Map<String, String> formData, Applicant applicant,
                         Integer sets, Set<Integer> documentsOnPaper) {

    public NewDossier {
        documentsOnPaper = documentsOnPaper == null ? Set.of() : Set.copyOf(documentsOnPaper);
    }

    public NewDossier(String procedureCode, String agencyCode, Map<String, String> formData, Applicant applicant,
                      Integer sets) {
        this(procedureCode, agencyCode, formData, applicant, sets, Set.of());
    }
}
