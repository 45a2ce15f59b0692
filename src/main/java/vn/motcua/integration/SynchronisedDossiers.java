package vn.motcua.integration;

import java.time.LocalDate;
import java.util.Set;

/**
 * How many dossiers are synchronised to the National Public Service Portal, for the service index's CKMB4: of the
 * dossiers received in a period, those whose every status message so far was accepted by the national portal.
 */
public interface SynchronisedDossiers {

    /**
     * Dossiers of these (competent) agencies received between the days (inclusive, Vietnam time) whose every status
     * message was accepted; a dossier received while the connection was off has none and does not count.
     */
    long synchronisedReceived(Set<String> agencyCodes, LocalDate from, LocalDate to);
}
