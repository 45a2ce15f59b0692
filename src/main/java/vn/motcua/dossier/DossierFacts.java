package vn.motcua.dossier;

import java.util.Map;

/**
 * What a module acting for a dossier (assessing its fees, booking its post) reads of it, without a viewer.
 *
 * @param owner the applicant's portal account, null for a walk-in applicant without one
 */
public record DossierFacts(DossierRef ref, DossierStatus status, String owner, Map<String, String> formData) {
}
