package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.support.IntegrationTest;
import vn.motcua.workflow.CalendarDay.Kind;
import vn.motcua.workflow.calendar.HolidayPrefill;

/**
 * Due dates and timeliness on the real calendar of 2026: Tết from Monday 16 to Friday 20 February; everything else
 * in February and March a normal week. Times are written in Vietnamese local time.
 */
@IntegrationTest
class DeadlinesTest {

    /** A commune used only here, for agency-specific days. */
    static final String COMMUNE = "000.31.13.H57";

    @Autowired WorkingCalendar calendar;
    @Autowired HolidayPrefill prefill;

    /** Today is Friday 6 March 2026, noon. */
    Deadlines deadlines;

    @BeforeEach
    void calendarOf2026() {
        prefill.prefill(2026);
        deadlines = new Deadlines(calendar, Clock.fixed(at("2026-03-06T12:00"), WorkingCalendar.ZONE));
    }

    @Test
    void tetIsNotCounted() {
        assertThat(deadlines.dueAt(at("2026-02-13T10:00"), 5, null, List.of())).isEqualTo(at("2026-02-27T10:00"));
        // Received during Tết: the clock starts at the first opening after it.
        assertThat(deadlines.dueAt(at("2026-02-17T09:00"), 1, null, List.of())).isEqualTo(at("2026-02-24T07:30"));
    }

    @Test
    void theClockStartsAtTheNextOpeningWhenReceivedOutsideOfficeHours() {
        assertThat(deadlines.dueAt(at("2026-03-02T10:15"), 1, null, List.of())).isEqualTo(at("2026-03-03T10:15"));
        assertThat(deadlines.dueAt(at("2026-03-05T17:30"), 1, null, List.of())).isEqualTo(at("2026-03-09T07:30"));
        assertThat(deadlines.dueAt(at("2026-03-05T06:00"), 2, null, List.of())).isEqualTo(at("2026-03-09T07:30"));
        assertThat(deadlines.dueAt(at("2026-03-07T10:00"), 1, null, List.of())).isEqualTo(at("2026-03-10T07:30"));
        assertThatThrownBy(() -> deadlines.dueAt(at("2026-03-02T10:00"), -1, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameDayProceduresReceivedFromThreeOClockAreDueTheNextWorkingDay() {
        assertThat(deadlines.dueAt(at("2026-03-02T14:59"), 0, null, List.of())).isEqualTo(at("2026-03-02T17:00"));
        assertThat(deadlines.dueAt(at("2026-03-02T15:00"), 0, null, List.of())).isEqualTo(at("2026-03-03T17:00"));
        assertThat(deadlines.dueAt(at("2026-02-13T15:30"), 0, null, List.of())).isEqualTo(at("2026-02-23T17:00"));
        assertThat(deadlines.dueAt(at("2026-03-07T09:00"), 0, null, List.of())).isEqualTo(at("2026-03-09T17:00"));
    }

    @Test
    void anAgencysMakeUpSaturdayAndDayOffCountForThatAgencyOnly() {
        LocalDateTime saturday = LocalDateTime.parse("2026-03-07T00:00");
        assertThat(deadlines.dueAt(at("2026-03-06T10:00"), 1, COMMUNE, List.of())).isEqualTo(at("2026-03-09T10:00"));
        calendar.add(new CalendarDay(saturday.toLocalDate(), Kind.MAKE_UP_WORKING_DAY, "Làm bù", COMMUNE), "test");
        calendar.add(new CalendarDay(saturday.toLocalDate().plusDays(3), Kind.HOLIDAY, "Lễ hội địa phương", COMMUNE), "test");
        try {
            assertThat(calendar.isWorkingDay(saturday.toLocalDate(), COMMUNE)).isTrue();
            assertThat(calendar.isWorkingDay(saturday.toLocalDate(), null)).isFalse();
            assertThat(calendar.isWorkingDay(saturday.toLocalDate(), "000.31.12.H57")).isFalse();
            assertThat(deadlines.dueAt(at("2026-03-06T10:00"), 1, COMMUNE, List.of())).isEqualTo(at("2026-03-07T10:00"));
            assertThat(deadlines.dueAt(at("2026-03-06T10:00"), 1, null, List.of())).isEqualTo(at("2026-03-09T10:00"));
            // Tuesday 10 March is a day off for the commune only.
            assertThat(deadlines.dueAt(at("2026-03-09T10:00"), 2, COMMUNE, List.of())).isEqualTo(at("2026-03-12T10:00"));
            assertThat(deadlines.dueAt(at("2026-03-09T10:00"), 2, null, List.of())).isEqualTo(at("2026-03-11T10:00"));
            assertThat(deadlines.dueAt(at("2026-03-07T16:00"), 0, COMMUNE, List.of())).isEqualTo(at("2026-03-09T17:00"));
        } finally {
            calendar.remove(saturday.toLocalDate(), COMMUNE);
            calendar.remove(saturday.toLocalDate().plusDays(3), COMMUNE);
        }
        assertThat(deadlines.dueAt(at("2026-03-06T10:00"), 1, COMMUNE, List.of())).isEqualTo(at("2026-03-09T10:00"));
    }

    @Test
    void aPauseForASupplementMovesTheDueDateByItsWorkingDays() {
        Instant received = at("2026-03-02T10:00");
        assertThat(deadlines.dueAt(received, 5, null, List.of())).isEqualTo(at("2026-03-09T10:00"));
        // Wednesday and Thursday waiting for the applicant.
        assertThat(deadlines.dueAt(received, 5, null, List.of(new Pause(at("2026-03-04T09:00"), at("2026-03-06T14:00")))))
                .isEqualTo(at("2026-03-11T10:00"));
        // Friday to Tuesday: Friday and Monday.
        assertThat(deadlines.dueAt(received, 5, null, List.of(new Pause(at("2026-03-06T16:00"), at("2026-03-10T08:00")))))
                .isEqualTo(at("2026-03-11T10:00"));
        // Both.
        assertThat(deadlines.dueAt(received, 5, null, List.of(new Pause(at("2026-03-04T09:00"), at("2026-03-06T14:00")),
                new Pause(at("2026-03-06T16:00"), at("2026-03-10T08:00"))))).isEqualTo(at("2026-03-13T10:00"));
        // Still waiting since Wednesday, and today is Friday: as if it ended today.
        assertThat(deadlines.dueAt(received, 5, null, List.of(Pause.since(at("2026-03-04T09:00")))))
                .isEqualTo(at("2026-03-11T10:00"));
        // A pause within one day does not move it.
        assertThat(deadlines.dueAt(received, 5, null, List.of(new Pause(at("2026-03-03T09:00"), at("2026-03-03T16:00")))))
                .isEqualTo(at("2026-03-09T10:00"));
        assertThatThrownBy(() -> new Pause(at("2026-03-03T09:00"), at("2026-03-02T09:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStepGetsItsShareOfTheProcessingTimeInOfficeHours() {
        // 30% of 10 days is 3 days.
        assertThat(deadlines.stepDueAt(at("2026-03-02T10:00"), 10, 30, null, List.of())).isEqualTo(at("2026-03-05T10:00"));
        // Half of one day is 4 h 45 min: 2 h on Monday, 2 h 45 min on Tuesday.
        assertThat(deadlines.stepDueAt(at("2026-03-02T15:00"), 1, 50, null, List.of())).isEqualTo(at("2026-03-03T10:15"));
        // A whole day from the opening ends at the closing.
        assertThat(deadlines.stepDueAt(at("2026-03-02T07:30"), 1, 100, null, List.of())).isEqualTo(at("2026-03-02T17:00"));
        // One day's share from Friday afternoon before Tết runs on after it.
        assertThat(deadlines.stepDueAt(at("2026-02-13T16:00"), 5, 20, null, List.of())).isEqualTo(at("2026-02-23T16:00"));
        // A pause during the step moves it; one before the step started does not.
        assertThat(deadlines.stepDueAt(at("2026-03-02T10:00"), 10, 30, null, List.of(
                new Pause(at("2026-02-24T09:00"), at("2026-02-26T09:00")),
                new Pause(at("2026-03-03T09:00"), at("2026-03-04T09:00"))))).isEqualTo(at("2026-03-06T10:00"));
        // A same-day procedure's steps follow the same-day rule.
        assertThat(deadlines.stepDueAt(at("2026-03-02T15:10"), 0, 50, null, List.of())).isEqualTo(at("2026-03-03T17:00"));
        assertThatThrownBy(() -> deadlines.stepDueAt(at("2026-03-02T10:00"), 5, 101, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void finishedDossiersAreEarlyOnTimeOrLate() {
        Instant due = at("2026-03-11T10:00");
        assertThat(deadlines.classifyFinished(due, at("2026-03-10T16:59"))).isEqualTo(Timeliness.EARLY);
        assertThat(deadlines.classifyFinished(due, at("2026-03-11T00:05"))).isEqualTo(Timeliness.ON_TIME);
        assertThat(deadlines.classifyFinished(due, at("2026-03-11T10:00"))).isEqualTo(Timeliness.ON_TIME);
        assertThat(deadlines.classifyFinished(due, at("2026-03-11T10:01"))).isEqualTo(Timeliness.LATE);
        assertThat(deadlines.classifyFinished(due, at("2026-03-12T08:00"))).isEqualTo(Timeliness.LATE);
    }

    @Test
    void pendingDossiersAreInTimeDueSoonOrOverdue() {
        Instant due = at("2026-03-11T10:00");
        assertThat(deadlines.classifyPending(due, at("2026-03-09T09:00"), null)).isEqualTo(Timeliness.IN_TIME);
        assertThat(deadlines.classifyPending(due, at("2026-03-10T09:00"), null)).isEqualTo(Timeliness.DUE_SOON);
        assertThat(deadlines.classifyPending(due, at("2026-03-11T10:00"), null)).isEqualTo(Timeliness.DUE_SOON);
        assertThat(deadlines.classifyPending(due, at("2026-03-11T10:01"), null)).isEqualTo(Timeliness.OVERDUE);
        // Before Tết the next working day is the Monday after it.
        assertThat(deadlines.classifyPending(at("2026-02-23T10:00"), at("2026-02-13T11:00"), null))
                .isEqualTo(Timeliness.DUE_SOON);
        assertThat(deadlines.classifyPending(at("2026-02-24T10:00"), at("2026-02-13T11:00"), null))
                .isEqualTo(Timeliness.IN_TIME);
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }
}
