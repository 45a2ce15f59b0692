package vn.motcua.dossier;

import java.time.Instant;

/** A line of a dossier list: an inbox, an applicant's dossiers. */
public record DossierSummary(long id, String code, DossierStatus status, Channel channel, String procedureCode,
                             String procedureName, String applicantName, String currentAgency, int step,
                             Instant submittedAt, Instant receivedAt, Instant dueAt, Instant finishedAt,
                             String timeliness) {
}
