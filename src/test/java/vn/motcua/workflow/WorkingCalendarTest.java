package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Year;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.platform.web.UserFacingException;
import vn.motcua.support.IntegrationTest;
import vn.motcua.workflow.CalendarDay.Kind;
import vn.motcua.workflow.calendar.HolidayPrefill;

@IntegrationTest
class WorkingCalendarTest {

    @Autowired WorkingCalendar calendar;
    @Autowired HolidayPrefill prefill;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void prefilled() {
        prefill.prefill(2026);
        prefill.prefill(2028);
    }

    @Test
    void startUpPrefillsThisYearAndTheNextFive() {
        int thisYear = Year.now(WorkingCalendar.ZONE).getValue();
        assertThat(jdbc.sql("select year from working_calendar_prefilled_year").query(Integer.class).list())
                .contains(thisYear, thisYear + 1, thisYear + 2, thisYear + 3, thisYear + 4, thisYear + 5);
        assertThat(calendar.isWorkingDay(LocalDate.of(thisYear + 5, 5, 1), null)).isFalse();
        assertThat(calendar.exceptionDays(thisYear + 5)).extracting(CalendarDay::date)
                .contains(LocalDate.of(thisYear + 5, 1, 1), LocalDate.of(thisYear + 5, 9, 2));
    }

    @Test
    void prefilledHolidaysOf2026And2028() {
        for (int day = 16; day <= 20; day++) {
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, day), null)).as("February %d", day).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 13), null)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23), null)).isTrue();
        assertThat(calendar.exceptionDays(2026)).contains(
                new CalendarDay(LocalDate.of(2026, 4, 26), Kind.HOLIDAY, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", null),
                new CalendarDay(LocalDate.of(2026, 4, 27), Kind.COMPENSATORY_DAY_OFF,
                        "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)", null));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 27), null)).isFalse();
        assertThat(calendar.exceptionDays(2028)).extracting(CalendarDay::date, CalendarDay::kind)
                .contains(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2028, 1, 3), Kind.COMPENSATORY_DAY_OFF));
        assertThat(calendar.nextWorkingDay(LocalDate.of(2027, 12, 31), null)).isEqualTo(LocalDate.of(2028, 1, 4));
    }

    @Test
    void countingWorkingDays() {
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 2, 13), null)).isEqualTo(LocalDate.of(2026, 2, 23));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 0, null)).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 5, null)).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 14), 1, null)).isEqualTo(LocalDate.of(2026, 2, 23));
        // February 2026: twenty weekdays, five of them Tết.
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), null)).isEqualTo(15);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), null)).isZero();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 2), null)).isZero();
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 3, 2), -1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aYearIsPrefilledOnceSoADeletedHolidayStaysDeleted() {
        prefill.prefill(2040);
        LocalDate labourDay = LocalDate.of(2040, 5, 1);
        assertThat(calendar.isWorkingDay(labourDay, null)).isFalse();
        calendar.remove(labourDay, null);
        assertThat(calendar.isWorkingDay(labourDay, null)).isTrue();
        prefill.prefill(2040);
        assertThat(calendar.isWorkingDay(labourDay, null)).isTrue();
        assertThat(calendar.exceptionDays(2040)).extracting(CalendarDay::date).doesNotContain(labourDay)
                .contains(LocalDate.of(2040, 4, 30));
    }

    @Test
    void badEditsAreRefusedAndChangeNothing() {
        LocalDate day = LocalDate.of(2026, 4, 30);
        int before = calendar.exceptionDays(2026).size();
        assertThatThrownBy(() -> calendar.add(new CalendarDay(day, Kind.HOLIDAY, "Trùng", null), "test"))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("calendar.invalid.duplicate"));
        assertThatThrownBy(() -> calendar.add(new CalendarDay(LocalDate.of(2026, 7, 1), Kind.HOLIDAY, "  ", null), "test"))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("calendar.invalid.name"));
        assertThatThrownBy(() -> calendar.add(new CalendarDay(LocalDate.of(2026, 7, 1), Kind.HOLIDAY, "Lễ", "999.99"), "test"))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("calendar.invalid.agency"));
        assertThatThrownBy(() -> calendar.remove(LocalDate.of(2026, 7, 1), null))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("calendar.notFound"));
        assertThat(calendar.exceptionDays(2026)).hasSize(before);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 7, 1), null)).isTrue();
    }
}
