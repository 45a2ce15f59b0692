package vn.motcua.dossier;

import java.util.Map;

/**
 * What a module acting for a dossier (assessing its fees, booking its post) reads of it, without a viewer.
 *
 * @param owner        the applicant's portal account, null for a walk-in applicant without one
 * @param returnMethod how the result was handed over once returned: COUNTER, ONLINE, POST or INTER_AGENCY; else null
 */
public record DossierFacts(DossierRef ref, DossierStatus status, String owner, Map<String, String> formData,
                           String returnMethod) {

    /** Whether the result was handed to the applicant at a counter. */
    public boolean returnedAtCounter() {
        return status == DossierStatus.RETURNED && "COUNTER".equals(returnMethod);
    }
}
