package vn.motcua.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.motcua.workflow.calendar.LunarCalendar.LunarDate;

class LunarCalendarTest {

    @ParameterizedTest(name = "Tết {0} is {1}")
    @CsvSource(textBlock = """
            2024, 2024-02-10
            2025, 2025-01-29
            2026, 2026-02-17
            2027, 2027-02-06
            2028, 2028-01-26
            2007, 2007-02-17
            1985, 1985-01-21
            """) // 2007 and 1985: Vietnam (UTC+7) differs from China (UTC+8), by a day and by a month
    void tetIsTheFirstDayOfTheFirstLunarMonth(int year, LocalDate expected) {
        assertThat(LunarCalendar.toSolar(LunarDate.of(year, 1, 1))).isEqualTo(expected);
        assertThat(LunarCalendar.toLunar(expected)).isEqualTo(LunarDate.of(year, 1, 1));
    }

    @ParameterizedTest(name = "Hùng Kings'' day {0} is {1}")
    @CsvSource(textBlock = """
            2024, 2024-04-18
            2025, 2025-04-07
            2026, 2026-04-26
            """)
    void hungKingsDayIsTheTenthOfTheThirdLunarMonth(int year, LocalDate expected) {
        assertThat(LunarCalendar.toSolar(LunarDate.of(year, 3, 10))).isEqualTo(expected);
    }

    @Test
    void leapMonthsAreFoundAndNamed() {
        // Ất Tỵ (2025) repeats its sixth month: 6th month from 25 June, leap 6th from 25 July, 7th from 23 August.
        assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 6, 25))).isEqualTo(new LunarDate(2025, 6, 1, false));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 7, 25))).isEqualTo(new LunarDate(2025, 6, 1, true));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 9, 6))).isEqualTo(new LunarDate(2025, 7, 15, false));
        assertThat(LunarCalendar.toSolar(new LunarDate(2025, 6, 1, true))).isEqualTo(LocalDate.of(2025, 7, 25));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2023, 3, 22))).isEqualTo(new LunarDate(2023, 2, 1, true));
        assertThatThrownBy(() -> LunarCalendar.toSolar(new LunarDate(2025, 5, 1, true)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LunarCalendar.toSolar(new LunarDate(2026, 6, 1, true)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLastDayOfTheYearIsTheTwentyNinthOrThirtiethOfTheTwelfthMonth() {
        assertThat(LunarCalendar.toLunar(LocalDate.of(2026, 2, 16))).isEqualTo(new LunarDate(2025, 12, 29, false));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 1, 28))).isEqualTo(new LunarDate(2024, 12, 29, false));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2024, 2, 9))).isEqualTo(new LunarDate(2023, 12, 30, false));
    }

    @Test
    void everyDayOfTwoCenturiesConvertsBackToItself() {
        LocalDate previous = null;
        LunarDate previousLunar = null;
        for (LocalDate day = LocalDate.of(1901, 1, 1); day.getYear() < 2100; day = day.plusDays(1)) {
            LunarDate lunar = LunarCalendar.toLunar(day);
            assertThat(LunarCalendar.toSolar(lunar)).as("%s = %s", day, lunar).isEqualTo(day);
            assertThat(lunar.day()).isBetween(1, 30);
            if (previousLunar != null && lunar.day() != 1) {
                assertThat(lunar.day()).as("%s follows %s", day, previous).isEqualTo(previousLunar.day() + 1);
            }
            previous = day;
            previousLunar = lunar;
        }
    }

    @Test
    void yearsAreNamedInTheSixtyYearCycle() {
        assertThat(LunarDate.of(2024, 1, 1).yearName()).isEqualTo("Giáp Thìn");
        assertThat(LunarDate.of(2025, 1, 1).yearName()).isEqualTo("Ất Tỵ");
        assertThat(LunarDate.of(2026, 1, 1).yearName()).isEqualTo("Bính Ngọ");
        assertThat(LunarDate.of(1945, 1, 1).yearName()).isEqualTo("Ất Dậu");
    }
}
