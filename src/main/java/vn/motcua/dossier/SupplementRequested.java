package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;

/** The applicant must add to or correct the dossier (form 02); the clock stops until they do. */
public record SupplementRequested(DossierRef dossier, List<String> items, String note, Instant at) {
}
