package vn.motcua.dossier;

import java.time.Instant;

/** The dossier will be late: the agency apologised and set a new return date (form 04). */
public record ApologyIssued(DossierRef dossier, Instant originalDueAt, Instant newDueAt, String reason, Instant at) {
}
