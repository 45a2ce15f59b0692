package vn.motcua.feedback;

import java.time.Instant;

/**
 * An applicant rated the handling of a dossier (once per dossier).
 *
 * @param agencyCode the agency that decided the dossier (its competent agency)
 * @param via        where the rating was given: {@code ONLINE}, {@code SMS} (the link in the text message) or
 *                   {@code COUNTER} (the tablet at the counter)
 * @param satisfied  false when any criterion was answered "không hài lòng"
 */
public record RatingGiven(String dossierCode, String agencyCode, String procedureCode, String via, boolean satisfied,
                          Instant at) {
}
