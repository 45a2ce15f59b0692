package vn.motcua.dossier;

import java.time.Instant;

/** The applicant withdrew the dossier before a result. */
public record DossierWithdrawn(DossierRef dossier, Instant at) {
}
