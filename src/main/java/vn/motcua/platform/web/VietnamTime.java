package vn.motcua.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Times as people in Vietnam read them, for templates: {@code ${@vnTime.dateTime(instant)}}. */
@Component("vnTime")
public class VietnamTime {

    /** Vietnam's time zone (UTC+7, no daylight saving), by name for annotations and SQL. */
    public static final String ZONE_ID = "Asia/Ho_Chi_Minh";
    /** Vietnam's time zone: the one declaration; every office, form, calendar and gateway time uses it. */
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONE);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    /** For {@code <input type="date">}. */
    public String input(Instant instant) {
        return instant == null ? "" : INPUT.format(instant);
    }
}
