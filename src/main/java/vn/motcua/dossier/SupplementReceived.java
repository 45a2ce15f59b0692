package vn.motcua.dossier;

import java.time.Instant;

/** The applicant sent what was asked for; the clock restarts and the due date moves by the pause. */
public record SupplementReceived(DossierRef dossier, Instant at, Instant dueAt) {
}
