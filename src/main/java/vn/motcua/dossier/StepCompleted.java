package vn.motcua.dossier;

import java.time.Instant;

/** A step of the dossier's process ended and the dossier moved to another step (forward, approve, send back). */
public record StepCompleted(DossierRef dossier, int fromStep, int toStep, String action, String actor, Instant at) {
}
