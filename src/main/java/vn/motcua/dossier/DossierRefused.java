package vn.motcua.dossier;

import java.time.Instant;

/** Reception or handling of the dossier was refused, with the reason given to the applicant (form 03 or 05). */
public record DossierRefused(DossierRef dossier, String reason, Instant at) {
}
