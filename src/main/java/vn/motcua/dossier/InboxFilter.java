package vn.motcua.dossier;

/**
 * What an official narrows their inbox to; null or blank means any.
 *
 * @param mineOnly only dossiers at a step of the official's own role
 * @param query    a dossier code, an applicant's name or ID number
 */
public record InboxFilter(boolean mineOnly, String procedureCode, DossierStatus status, Channel channel,
                          String query) {
}
