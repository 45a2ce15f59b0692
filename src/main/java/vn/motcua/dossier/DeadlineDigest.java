package vn.motcua.dossier;

import java.time.LocalDate;
import java.util.List;

/**
 * An official's dossiers against their deadlines on a day: the morning reminder (email) and the back office's panel.
 *
 * @param dueSoon       their dossiers due by the end of the next working day, soonest first
 * @param overdue       their dossiers past their due time, most overdue first
 * @param agencyOverdue for a leader, the other overdue dossiers at their agency; empty for everyone else
 */
public record DeadlineDigest(String username, String fullName, String email, String agencyCode, LocalDate day,
                             List<DossierSummary> dueSoon, List<DossierSummary> overdue,
                             List<DossierSummary> agencyOverdue) {

    public DeadlineDigest {
        dueSoon = List.copyOf(dueSoon);
        overdue = List.copyOf(overdue);
        agencyOverdue = List.copyOf(agencyOverdue);
    }

    /** Nothing to remind of: no reminder is sent and the panel is not shown. */
    public boolean isEmpty() {
        return dueSoon.isEmpty() && overdue.isEmpty() && agencyOverdue.isEmpty();
    }
}
