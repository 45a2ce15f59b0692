package vn.motcua.workflow;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An exception to the working week (Monday to Friday): a day off on a weekday, or a working Saturday or Sunday.
 *
 * @param agencyCode the one agency the day applies to, overriding the province's calendar for it; null for the whole
 *                   province
 */
public record CalendarDay(LocalDate date, Kind kind, String name, String agencyCode) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean isWorkingDay() {
        return kind.working;
    }

    public enum Kind {
        /** A public holiday or Tết (ngày nghỉ lễ, Tết), or a day off the government adds to one. */
        HOLIDAY(false),
        /** A day off in lieu of a holiday that fell on a weekend (nghỉ bù). */
        COMPENSATORY_DAY_OFF(false),
        /** A Saturday or Sunday worked in exchange for a bridge day off (làm bù). */
        MAKE_UP_WORKING_DAY(true);

        private final boolean working;

        Kind(boolean working) {
            this.working = working;
        }
    }
}
