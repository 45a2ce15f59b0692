package vn.motcua.feedback;

import java.time.Instant;

/**
 * A petition was answered or refused.
 *
 * @param outcome {@code ANSWERED} or {@code REFUSED}
 * @param onTime  whether it was closed within its deadline (15 working days to answer, 2 to refuse, not counting the
 *                time the sender took to add what was asked for)
 */
public record PetitionClosed(String number, String agencyCode, String procedureCode, String dossierCode, String outcome,
                             boolean onTime, Instant at) {
}
