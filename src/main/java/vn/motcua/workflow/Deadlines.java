package vn.motcua.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The one definition of due dates and timeliness. Times are local to Vietnam ({@link WorkingCalendar#ZONE}); the
 * offices are open from {@link #OPENING} to {@link #CLOSING} on working days of the agency's calendar.
 *
 * <p><b>When the clock starts.</b> At reception, when that is during office hours on a working day; otherwise at the
 * next opening: 07:30 the same day when received before opening on a working day, else 07:30 on the next working
 * day.
 *
 * <p><b>Pauses.</b> While the dossier waits for the applicant's supplement the clock stands still: each pause moves
 * the due date later by the working days from the date it started (inclusive) to the date it ended (exclusive).
 */
@Service
public class Deadlines {

    public static final LocalTime OPENING = LocalTime.of(7, 30);
    public static final LocalTime CLOSING = LocalTime.of(17, 0);
    /** Same-day procedures received after this time are due the next working day. */
    public static final LocalTime CUT_OFF = LocalTime.of(15, 0);
    static final Duration OFFICE_DAY = Duration.between(OPENING, CLOSING);

    private final WorkingCalendar calendar;
    private final Clock clock;

    Deadlines(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * When a dossier is due.
     *
     * <ul>
     *   <li>{@code workingDays} ≥ 1: on the {@code workingDays}-th working day after the day the clock starts, at the
     *   time of day it started (the time of reception, or 07:30 when it was received outside office hours).</li>
     *   <li>{@code workingDays} = 0 (same-day procedures): 17:00 on the day of reception when that is a working day
     *   and reception was before 15:00, else 17:00 on the next working day.</li>
     * </ul>
     * Then each pause moves the due date later (see the class comment). An open pause counts as if it ended today,
     * so while a dossier waits, this is the earliest it can be due, and it moves a day later each working day the
     * wait lasts.
     */
    public Instant dueAt(Instant receivedAt, int workingDays, String agencyCode, List<Pause> pauses) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("Negative processing time: " + workingDays);
        }
        LocalDateTime due;
        if (workingDays == 0) {
            due = sameDayDue(local(receivedAt), agencyCode);
        } else {
            LocalDateTime start = clockStart(receivedAt, agencyCode);
            due = calendar.addWorkingDays(start.toLocalDate(), workingDays, agencyCode).atTime(start.toLocalTime());
        }
        return instant(afterPauses(due, agencyCode, pauses));
    }

    /**
     * When a step of a dossier's process is due. The step gets {@code sharePercent} of the procedure's
     * {@code processingDays}, counted in office time (a working day is 07:30 to 17:00, 9 h 30 min, rounded up to the
     * minute) from when the step starts, or from the next opening when it starts outside office hours. A step may
     * end at 17:00. Pauses that began after the step started move it later as in {@link #dueAt}. A same-day procedure
     * has no time to share out: each of its steps is due by the same-day rule from the step's start.
     */
    public Instant stepDueAt(Instant stepStartedAt, int processingDays, int sharePercent, String agencyCode,
                             List<Pause> pauses) {
        if (processingDays < 0 || sharePercent < 0 || sharePercent > 100) {
            throw new IllegalArgumentException("Bad step time: " + sharePercent + "% of " + processingDays + " days");
        }
        List<Pause> duringStep = pauses.stream().filter(p -> !p.from().isBefore(stepStartedAt)).toList();
        if (processingDays == 0) {
            return dueAt(stepStartedAt, 0, agencyCode, duringStep);
        }
        long minutes = (processingDays * OFFICE_DAY.toMinutes() * sharePercent + 99) / 100;
        LocalDateTime due = plusOfficeTime(clockStart(stepStartedAt, agencyCode), Duration.ofMinutes(minutes), agencyCode);
        return instant(afterPauses(due, agencyCode, duringStep));
    }

    /**
     * How a finished dossier (or step) did: {@link Timeliness#EARLY} when finished on a calendar day before the due
     * day, {@link Timeliness#ON_TIME} when on the due day up to the due time, {@link Timeliness#LATE} after it.
     */
    public Timeliness classifyFinished(Instant dueAt, Instant finishedAt) {
        return Timeliness.ofFinished(dueAt, finishedAt);
    }

    /**
     * How a pending dossier (or step) stands at {@code now}: {@link Timeliness#OVERDUE} past the due time,
     * {@link Timeliness#DUE_SOON} when due by 17:00 on the next working day after today, else
     * {@link Timeliness#IN_TIME}.
     */
    public Timeliness classifyPending(Instant dueAt, Instant now, String agencyCode) {
        if (now.isAfter(dueAt)) {
            return Timeliness.OVERDUE;
        }
        LocalDate nextWorkingDay = calendar.nextWorkingDay(local(now).toLocalDate(), agencyCode);
        return dueAt.isAfter(instant(nextWorkingDay.atTime(CLOSING))) ? Timeliness.IN_TIME : Timeliness.DUE_SOON;
    }

    private LocalDateTime clockStart(Instant at, String agencyCode) {
        LocalDateTime local = local(at);
        LocalDate day = local.toLocalDate();
        if (calendar.isWorkingDay(day, agencyCode)) {
            if (local.toLocalTime().isBefore(OPENING)) {
                return day.atTime(OPENING);
            }
            if (local.toLocalTime().isBefore(CLOSING)) {
                return local;
            }
        }
        return calendar.nextWorkingDay(day, agencyCode).atTime(OPENING);
    }

    private LocalDateTime sameDayDue(LocalDateTime received, String agencyCode) {
        LocalDate day = received.toLocalDate();
        boolean today = calendar.isWorkingDay(day, agencyCode) && received.toLocalTime().isBefore(CUT_OFF);
        return (today ? day : calendar.nextWorkingDay(day, agencyCode)).atTime(CLOSING);
    }

    /** {@code start} is within office hours on a working day. */
    private LocalDateTime plusOfficeTime(LocalDateTime start, Duration time, String agencyCode) {
        LocalDate day = start.toLocalDate();
        LocalTime from = start.toLocalTime();
        Duration left = time;
        Duration open = Duration.between(from, CLOSING);
        while (left.compareTo(open) > 0) {
            left = left.minus(open);
            day = calendar.nextWorkingDay(day, agencyCode);
            from = OPENING;
            open = OFFICE_DAY;
        }
        return day.atTime(from).plus(left);
    }

    private LocalDateTime afterPauses(LocalDateTime due, String agencyCode, List<Pause> pauses) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
        int days = 0;
        for (Pause pause : pauses) {
            LocalDate end = pause.isOpen() ? today : local(pause.to()).toLocalDate();
            days += calendar.workingDaysBetween(local(pause.from()).toLocalDate(), end, agencyCode);
        }
        return calendar.addWorkingDays(due.toLocalDate(), days, agencyCode).atTime(due.toLocalTime());
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, WorkingCalendar.ZONE);
    }

    private static Instant instant(LocalDateTime local) {
        return local.atZone(WorkingCalendar.ZONE).toInstant();
    }
}
