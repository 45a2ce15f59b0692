package vn.motcua.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.motcua.workflow.CalendarDay;
import vn.motcua.workflow.CalendarDay.Kind;

class PublicHolidaysTest {

    @Test
    void holidaysOf2026WithTheHungKingsDayOnASundayGivingMondayOff() {
        assertThat(PublicHolidays.of(2026)).extracting(CalendarDay::date, CalendarDay::kind).containsExactly(
                tuple(LocalDate.of(2026, 1, 1), Kind.HOLIDAY),
                tuple(LocalDate.of(2026, 2, 16), Kind.HOLIDAY),
                tuple(LocalDate.of(2026, 2, 17), Kind.HOLIDAY),
                tuple(LocalDate.of(2026, 2, 18), Kind.HOLIDAY),
                tuple(LocalDate.of(2026, 2, 19), Kind.HOLIDAY),
                tuple(LocalDate.of(2026, 2, 20), Kind.HOLIDAY),
                tuple(LocalDate.of(2026, 4, 26), Kind.HOLIDAY),
                tuple(LocalDate.of(2026, 4, 27), Kind.COMPENSATORY_DAY_OFF),
                tuple(LocalDate.of(2026, 4, 30), Kind.HOLIDAY),
                tuple(LocalDate.of(2026, 5, 1), Kind.HOLIDAY),
                tuple(LocalDate.of(2026, 9, 1), Kind.HOLIDAY),
                tuple(LocalDate.of(2026, 9, 2), Kind.HOLIDAY));
        assertThat(PublicHolidays.of(2026)).allSatisfy(d -> assertThat(d.agencyCode()).isNull())
                .extracting(CalendarDay::name).contains(
                        "Tết Nguyên Đán (29 tháng Chạp năm Ất Tỵ)",
                        "Tết Nguyên Đán (mùng 1 tháng Giêng năm Bính Ngọ)",
                        "Tết Nguyên Đán (mùng 4 tháng Giêng năm Bính Ngọ)",
                        "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
                        "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)");
    }

    @Test
    void newYearOnASaturdayGivesTheFollowingMondayOff() {
        assertThat(PublicHolidays.of(2028)).extracting(CalendarDay::date, CalendarDay::kind)
                .contains(tuple(LocalDate.of(2028, 1, 1), Kind.HOLIDAY),
                        tuple(LocalDate.of(2028, 1, 3), Kind.COMPENSATORY_DAY_OFF))
                .doesNotContain(tuple(LocalDate.of(2028, 1, 2), Kind.COMPENSATORY_DAY_OFF));
    }

    @Test
    void tetDaysOnAWeekendGiveTheFirstFreeWeekdaysAfterTet() {
        // Tết Đinh Mùi: 1st day Saturday 6 February 2027; the Saturday and Sunday give Wednesday and Thursday off.
        assertThat(PublicHolidays.of(2027)).extracting(CalendarDay::date, CalendarDay::kind).containsSubsequence(
                tuple(LocalDate.of(2027, 2, 5), Kind.HOLIDAY),
                tuple(LocalDate.of(2027, 2, 6), Kind.HOLIDAY),
                tuple(LocalDate.of(2027, 2, 7), Kind.HOLIDAY),
                tuple(LocalDate.of(2027, 2, 8), Kind.HOLIDAY),
                tuple(LocalDate.of(2027, 2, 9), Kind.HOLIDAY),
                tuple(LocalDate.of(2027, 2, 10), Kind.COMPENSATORY_DAY_OFF),
                tuple(LocalDate.of(2027, 2, 11), Kind.COMPENSATORY_DAY_OFF));
        // 30 April and 1 May 2033 fall on Saturday and Sunday: Monday and Tuesday off.
        assertThat(PublicHolidays.of(2033)).extracting(CalendarDay::date, CalendarDay::kind).contains(
                tuple(LocalDate.of(2033, 5, 2), Kind.COMPENSATORY_DAY_OFF),
                tuple(LocalDate.of(2033, 5, 3), Kind.COMPENSATORY_DAY_OFF));
    }

    @Test
    void everyYearHasElevenHolidaysAndADayInLieuForEachOnAWeekend() {
        for (int year = 2000; year <= 2100; year++) {
            var days = PublicHolidays.of(year);
            long holidays = days.stream().filter(d -> d.kind() == Kind.HOLIDAY).count();
            long onWeekends = days.stream().filter(d -> d.kind() == Kind.HOLIDAY && ExceptionDays.isWeekend(d.date())).count();
            assertThat(holidays).as("%d", year).isEqualTo(11);
            assertThat(days.stream().filter(d -> d.kind() == Kind.COMPENSATORY_DAY_OFF))
                    .as("%d", year).hasSize((int) onWeekends)
                    .allSatisfy(d -> assertThat(ExceptionDays.isWeekend(d.date())).isFalse());
            assertThat(days.stream().map(CalendarDay::date).distinct()).as("%d", year).hasSize(days.size());
        }
    }
}
