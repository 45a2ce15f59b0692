package vn.motcua.feedback;

import java.time.Instant;

/**
 * A petition (phản ánh, kiến nghị) was received.
 *
 * @param agencyCode    the agency that must handle it
 * @param procedureCode the procedure it is about, or null
 * @param dossierCode   the dossier it is about, or null
 */
public record PetitionReceived(String number, String agencyCode, String procedureCode, String dossierCode, Instant at) {
}
