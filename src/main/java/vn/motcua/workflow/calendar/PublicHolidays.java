package vn.motcua.workflow.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.motcua.workflow.CalendarDay;
import vn.motcua.workflow.CalendarDay.Kind;
import vn.motcua.workflow.calendar.LunarCalendar.LunarDate;

/**
 * The public holidays of a solar year by the Labour Code 2019, art. 112: 1 January; Tết Nguyên Đán, five days (the
 * last day of the lunar year and the first four of the new one); the Hùng Kings' day (10th of the 3rd lunar month);
 * 30 April; 1 May; National Day, 2 September and the day before it. A holiday on a Saturday or Sunday gives a day
 * off in lieu (nghỉ bù) on the first following weekday that is not a holiday or already a day in lieu.
 *
 * <p>These are what the law fixes; the bridge days and make-up working Saturdays the government decides each year
 * are entered by an administrator.
 */
final class PublicHolidays {

    private PublicHolidays() {
    }

    /** The year's holidays and days in lieu, in date order, for the whole province. */
    static List<CalendarDay> of(int year) {
        List<CalendarDay> holidays = new ArrayList<>();
        holidays.add(holiday(LocalDate.of(year, Month.JANUARY, 1), "Tết Dương lịch"));
        holidays.addAll(tet(year));
        holidays.add(holiday(LunarCalendar.toSolar(LunarDate.of(year, 3, 10)), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
        holidays.add(holiday(LocalDate.of(year, Month.APRIL, 30), "Ngày Chiến thắng (30/4)"));
        holidays.add(holiday(LocalDate.of(year, Month.MAY, 1), "Ngày Quốc tế Lao động (1/5)"));
        holidays.add(holiday(LocalDate.of(year, Month.SEPTEMBER, 1), "Quốc khánh (ngày liền kề 2/9)"));
        holidays.add(holiday(LocalDate.of(year, Month.SEPTEMBER, 2), "Quốc khánh (2/9)"));
        holidays.sort(Comparator.comparing(CalendarDay::date));
        return withDaysInLieu(holidays);
    }

    private static List<CalendarDay> tet(int year) {
        LocalDate newYear = LunarCalendar.toSolar(LunarDate.of(year, 1, 1));
        LocalDate lastDay = newYear.minusDays(1);
        LunarDate lastLunar = LunarCalendar.toLunar(lastDay);
        List<CalendarDay> tet = new ArrayList<>();
        tet.add(holiday(lastDay, "Tết Nguyên Đán (%d tháng Chạp năm %s)".formatted(lastLunar.day(), lastLunar.yearName())));
        String yearName = LunarDate.of(year, 1, 1).yearName();
        for (int day = 1; day <= 4; day++) {
            tet.add(holiday(newYear.plusDays(day - 1), "Tết Nguyên Đán (mùng %d tháng Giêng năm %s)".formatted(day, yearName)));
        }
        return tet;
    }

    private static List<CalendarDay> withDaysInLieu(List<CalendarDay> holidays) {
        Set<LocalDate> taken = new HashSet<>();
        holidays.forEach(h -> taken.add(h.date()));
        List<CalendarDay> all = new ArrayList<>(holidays);
        for (CalendarDay holiday : holidays) {
            if (isWeekend(holiday.date())) {
                LocalDate inLieu = holiday.date().plusDays(1);
                while (isWeekend(inLieu) || taken.contains(inLieu)) {
                    inLieu = inLieu.plusDays(1);
                }
                taken.add(inLieu);
                all.add(new CalendarDay(inLieu, Kind.COMPENSATORY_DAY_OFF, "Nghỉ bù " + holiday.name(), null));
            }
        }
        all.sort(Comparator.comparing(CalendarDay::date));
        return all;
    }

    private static boolean isWeekend(LocalDate day) {
        return ExceptionDays.isWeekend(day);
    }

    private static CalendarDay holiday(LocalDate date, String name) {
        return new CalendarDay(date, Kind.HOLIDAY, name, null);
    }
}
