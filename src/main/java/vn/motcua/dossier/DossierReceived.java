package vn.motcua.dossier;

import java.time.Instant;

/** A dossier was accepted and its deadline starts: the receipt slip (form 01) exists. */
public record DossierReceived(DossierRef dossier, Instant receivedAt, Instant dueAt) {
}
