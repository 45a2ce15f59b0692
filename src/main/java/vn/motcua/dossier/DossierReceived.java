package vn.motcua.dossier;

import java.time.Instant;

/**
 * A dossier was accepted and its deadline starts: the receipt slip (form 01) exists.
 *
 * @param dueAt           the legal due date at reception
 * @param digitisedFiles  documents scanned from paper at the counter
 * @param storedDocuments documents taken from the applicant's data store instead of sent again
 */
public record DossierReceived(DossierRef dossier, Instant receivedAt, Instant dueAt, int digitisedFiles,
                              int storedDocuments) {
}
