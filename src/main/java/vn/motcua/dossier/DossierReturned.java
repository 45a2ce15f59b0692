package vn.motcua.dossier;

import java.time.Instant;

/** The result was handed to the applicant; handling ended {@code timeliness} (EARLY, ON_TIME, LATE). */
public record DossierReturned(DossierRef dossier, String returnMethod, String timeliness, Instant at) {
}
