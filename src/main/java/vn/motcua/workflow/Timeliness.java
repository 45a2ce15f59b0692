package vn.motcua.workflow;

import java.time.Instant;

/**
 * Where a dossier (or a step) stands against its due date. A finished one is {@link #EARLY}, {@link #ON_TIME} or
 * {@link #LATE} (trước hạn, đúng hạn, trễ hạn); a pending one is {@link #IN_TIME}, {@link #DUE_SOON} or
 * {@link #OVERDUE} (trong hạn, sắp đến hạn, quá hạn). Labels are {@code timeliness.<NAME>} in the workflow bundle.
 */
public enum Timeliness {
    /** Finished on a calendar day before the due day. */
    EARLY,
    /** Finished on the due day, at or before the due time. */
    ON_TIME,
    /** Finished after the due time. */
    LATE,
    /** Pending, due later than the end of the next working day. */
    IN_TIME,
    /** Pending, due by the end of the next working day. */
    DUE_SOON,
    /** Pending past the due time. */
    OVERDUE;

    /**
     * How a dossier (or step) finished at {@code finishedAt} did against {@code dueAt}: early when on a calendar day
     * (in Vietnam) before the due day, on time up to the due time, late after it.
     */
    public static Timeliness ofFinished(Instant dueAt, Instant finishedAt) {
        if (finishedAt.atZone(WorkingCalendar.ZONE).toLocalDate().isBefore(dueAt.atZone(WorkingCalendar.ZONE).toLocalDate())) {
            return EARLY;
        }
        return finishedAt.isAfter(dueAt) ? LATE : ON_TIME;
    }
}
