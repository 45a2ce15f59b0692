package vn.motcua.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import org.springframework.stereotype.Component;

/**
 * Dates and times as people in Vietnam read them, the one place every page, form, email, SMS and export for people
 * takes them from: a day is {@code 12/12/2026}, a moment is {@code 17:00 ngày 12/12/2026}. A due time is a moment, so
 * the inbox, the dossier page, the tracking page, the receipt slip and the dashboard all write the same instant the same
 * way. Templates call the bean ({@code ${@vnTime.dateTime(dueAt)}}); Java code uses the formatters. Any temporal with an
 * instant (Instant, ZonedDateTime, OffsetDateTime) is shown in Vietnam's time; a LocalDate or LocalDateTime as it is.
 */
@Component("vnTime")
public class VietnamTime {

    /** Vietnam's time zone (UTC+7, no daylight saving), by name for annotations and SQL. */
    public static final String ZONE_ID = "Asia/Ho_Chi_Minh";
    /** Vietnam's time zone: the one declaration; every office, form, calendar and gateway time uses it. */
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);
    /** {@code 17:00 ngày 12/12/2026}: a moment, and every due time. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(ZONE);
    /** {@code 12/12/2026} */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONE);
    /** {@code 17:00} */
    public static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);

    /** {@code 17:00 ngày 12/12/2026}; empty for null. */
    public String dateTime(TemporalAccessor at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    /** {@code 12/12/2026}; empty for null. */
    public String date(TemporalAccessor at) {
        return at == null ? "" : DATE.format(at);
    }

    /** {@code 17:00}, for a table cell under its date; empty for null. */
    public String clock(TemporalAccessor at) {
        return at == null ? "" : CLOCK.format(at);
    }

    /** For {@code <input type="date">}. */
    public String input(Instant instant) {
        return instant == null ? "" : INPUT.format(instant);
    }
}
