package vn.motcua.feedback.internal;

import java.time.Instant;

import vn.motcua.feedback.PetitionStatus;

/** A petition row as stored. */
public record StoredPetition(long id, String number, PetitionStatus status, String senderName, String senderPhone,
                             String senderEmail, String senderUsername, String procedureCode, String procedureName,
                             String dossierCode, String agencyCode, String content, boolean consentToPublish,
                             Instant receivedAt, String answer, String refusalReason, Instant closedAt,
                             String closedBy, Boolean onTime, Instant publishedAt, String publishedBy,
                             String publishedQuestion, Boolean ratedSatisfied, Instant ratedAt) {
}
