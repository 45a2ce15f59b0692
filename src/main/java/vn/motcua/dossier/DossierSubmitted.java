package vn.motcua.dossier;

import java.time.Instant;

/** An applicant submitted a dossier online; it waits for reception. */
public record DossierSubmitted(DossierRef dossier, Instant at) {
}
