package vn.motcua.dossier;

import java.time.Instant;

/** The result of the dossier is issued and waits to be returned to the applicant. */
public record ResultReady(DossierRef dossier, Instant at) {
}
