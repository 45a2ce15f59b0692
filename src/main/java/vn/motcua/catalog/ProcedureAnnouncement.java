package vn.motcua.catalog;

import java.time.LocalDate;

/**
 * When and by what a procedure was announced and published (what CKMB1 and CKMB2 of the service index measure).
 *
 * @param decisionNumber   number of the decision that announced it (Quyết định công bố), e.g. {@code 1234/QĐ-BTP}
 * @param decisionDate     the day that decision was signed
 * @param effectiveDate    the day the procedure's legal basis takes effect
 * @param firstPublishedOn the day it first became public on this portal (import, editor or Excel); null for a
 *                         procedure older than this record
 */
public record ProcedureAnnouncement(String code, String decisionNumber, LocalDate decisionDate,
                                    LocalDate effectiveDate, LocalDate firstPublishedOn) {
}
