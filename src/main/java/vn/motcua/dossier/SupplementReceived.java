package vn.motcua.dossier;

import java.time.Instant;

/**
 * The applicant sent what was asked for; the clock restarts and the due date moves by the pause.
 *
 * @param dueAt      the appointment now in force
 * @param legalDueAt the legal due date, moved only by pauses (an apology's new appointment does not move it)
 */
public record SupplementReceived(DossierRef dossier, Instant at, Instant dueAt, Instant legalDueAt) {
}
