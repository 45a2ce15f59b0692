package vn.motcua.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * A search of the trail; every criterion may be null.
 *
 * @param account  the actor's username, exactly
 * @param subject  a dossier code, procedure code, ... or the data subject, exactly
 * @param action   an action code
 * @param from     first day (Vietnam time), inclusive
 * @param to       last day, inclusive
 * @param agencies only entries by officials of these agencies (an agency administrator's subtree); null for all
 */
public record AuditQuery(String account, String subject, String action, LocalDate from, LocalDate to,
                         List<String> agencies) {
}
