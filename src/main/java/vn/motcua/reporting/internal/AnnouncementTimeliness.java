package vn.motcua.reporting.internal;

import org.springframework.stereotype.Component;

import vn.motcua.catalog.ProcedureAnnouncement;
import vn.motcua.workflow.WorkingCalendar;

/**
 * Whether a procedure was announced and published on time, by the province's working-day calendar (CKMB1, CKMB2 of
 * the service index). Null when a date it needs is missing: such a procedure is left out of the rate.
 */
@Component
public class AnnouncementTimeliness {

    /** The working days the national portal's rules allow for each (service-index.md, CKMB1 and CKMB2). */
    static final int WORKING_DAYS = 5;

    private final WorkingCalendar calendar;

    AnnouncementTimeliness(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** CKMB1: the announcing decision signed at least 5 working days before the legal basis takes effect. */
    public Boolean announcedOnTime(ProcedureAnnouncement a) {
        if (a == null || a.decisionDate() == null || a.effectiveDate() == null) {
            return null;
        }
        return !a.decisionDate().isAfter(a.effectiveDate())
                && calendar.workingDaysBetween(a.decisionDate(), a.effectiveDate(), null) >= WORKING_DAYS;
    }

    /** CKMB2: first published on this portal within 5 working days after the decision was signed. */
    public Boolean publishedOnTime(ProcedureAnnouncement a) {
        if (a == null || a.decisionDate() == null || a.firstPublishedOn() == null) {
            return null;
        }
        return !a.firstPublishedOn().isAfter(calendar.addWorkingDays(a.decisionDate(), WORKING_DAYS, null));
    }
}
