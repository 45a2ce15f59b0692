package vn.motcua.workflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.workflow.CalendarDay;

/**
 * Every exception day in memory, for answering "is this a working day?" with a hash look-up. Immutable: a new one
 * is loaded after each change.
 */
public final class ExceptionDays {

    private final Map<LocalDate, Boolean> province = new HashMap<>();
    private final Map<String, Map<LocalDate, Boolean>> byAgency = new HashMap<>();

    ExceptionDays(List<CalendarDay> days) {
        for (CalendarDay day : days) {
            Map<LocalDate, Boolean> target = day.agencyCode() == null ? province
                    : byAgency.computeIfAbsent(day.agencyCode(), code -> new HashMap<>());
            target.put(day.date(), day.isWorkingDay());
        }
    }

    /** An agency's own exception day decides for it; else the province's; else Monday to Friday are worked. */
    public boolean isWorkingDay(LocalDate day, String agencyCode) {
        if (agencyCode != null) {
            Map<LocalDate, Boolean> agency = byAgency.get(agencyCode);
            Boolean working = agency == null ? null : agency.get(day);
            if (working != null) {
                return working;
            }
        }
        Boolean working = province.get(day);
        return working != null ? working : !isWeekend(day);
    }

    static boolean isWeekend(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
    }
}
