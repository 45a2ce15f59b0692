package vn.motcua.dossier;

import java.time.Instant;

/** Part of the dossier went to another agency as a linked child dossier (liên thông). */
public record DossierTransferred(DossierRef dossier, String childCode, String targetAgency, Instant at) {
}
