package vn.motcua.dossier;

/**
 * What an official narrows their inbox to; null or blank means any.
 *
 * @param mineOnly       only dossiers at a step of the official's own role
 * @param query          a dossier code, an applicant's name or ID number
 * @param assignedToMe   only dossiers assigned to the official by name at the step they are at
 */
public record InboxFilter(boolean mineOnly, String procedureCode, DossierStatus status, Channel channel,
                          String query, boolean assignedToMe) {

    public InboxFilter(boolean mineOnly, String procedureCode, DossierStatus status, Channel channel, String query) {
        this(mineOnly, procedureCode, status, channel, query, false);
    }
}
