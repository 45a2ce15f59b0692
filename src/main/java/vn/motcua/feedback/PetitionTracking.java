package vn.motcua.feedback;

import java.time.Instant;

/**
 * What the sender of a petition sees of it with its number and their phone digits or email: no name, phone or email.
 *
 * @param question      the content they sent
 * @param openRequest   what the agency asked them to add, while it waits for it
 * @param ratedSatisfied their rating of the handling, once given
 */
public record PetitionTracking(String number, PetitionStatus status, String agencyCode, String agencyName,
                               String procedureCode, String procedureName, String dossierCode, Instant receivedAt,
                               Instant answerDueAt, String question, String openRequest, String answer,
                               String refusalReason, Instant closedAt, Instant publishedAt, Boolean ratedSatisfied) {
}
