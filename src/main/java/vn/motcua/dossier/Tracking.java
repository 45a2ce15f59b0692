package vn.motcua.dossier;

import java.time.Instant;

/** What anyone who knows a dossier's code and phone digits may see: status and dates, never personal data. */
public record Tracking(String code, String procedureName, DossierStatus status, String agencyName,
                       Instant submittedAt, Instant receivedAt, Instant dueAt, Instant resultAt, Instant finishedAt,
                       String timeliness) {
}
