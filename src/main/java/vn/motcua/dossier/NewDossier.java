package vn.motcua.dossier;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A dossier to create in one go (API and counter).
 *
 * @param agencyCode       the competent agency; may be omitted when the procedure has only one possible
 * @param applicant        the applicant, for a walk-in at the counter; an online applicant is taken from their account
 * @param documentsOnPaper at the counter, indexes of the required documents the officer received on paper without
 *                         a scan
 * @param applicantBirthDate at the counter, the walk-in applicant's birth date, checked with their ID number and name
 *                           against the national population database; null asks nothing
 * @param identityNote       at the counter, the officer's note for receiving a dossier whose applicant the population
 *                           database does not confirm (mandatory then)
 */
public record NewDossier(String procedureCode, String agencyCode, Map<String, String> formData, Applicant applicant,
                         Integer sets, Set<Integer> documentsOnPaper, LocalDate applicantBirthDate,
                         String identityNote) {

    public NewDossier {
        documentsOnPaper = documentsOnPaper == null ? Set.of() : Set.copyOf(documentsOnPaper);
    }

    public NewDossier(String procedureCode, String agencyCode, Map<String, String> formData, Applicant applicant,
                      Integer sets, Set<Integer> documentsOnPaper) {
        this(procedureCode, agencyCode, formData, applicant, sets, documentsOnPaper, null, null);
    }

    public NewDossier(String procedureCode, String agencyCode, Map<String, String> formData, Applicant applicant,
                      Integer sets) {
        this(procedureCode, agencyCode, formData, applicant, sets, Set.of());
    }
}
