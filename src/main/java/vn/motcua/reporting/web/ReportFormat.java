package vn.motcua.reporting.web;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.motcua.reporting.DossierLine;

/**
 * Numbers as the reader's language writes them, for the report pages and charts: {@code ${@reportFormat.points(x)}}
 * gives "72,35" in Vietnamese and "72.35" in English; counts are grouped ("1.234").
 */
@Component("reportFormat")
public class ReportFormat {

    private final Clock clock;

    ReportFormat(Clock clock) {
        this.clock = clock;
    }

    public String points(double value) {
        return points(value, LocaleContextHolder.getLocale());
    }

    static String points(double value, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(0);
        f.setMaximumFractionDigits(2);
        return f.format(value);
    }

    /** A rate in percent, or a dash when there was nothing to measure. */
    public String percent(Double rate) {
        return rate == null ? "—" : points(rate, LocaleContextHolder.getLocale()) + "%";
    }

    public String count(long value) {
        return NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale()).format(value);
    }

    public String day(LocalDate day) {
        return day == null ? "" : ReportPeriod.formatDay(day);
    }

    /** Whole days since the instant, at least 0: how long a dossier has been overdue. */
    public long daysSince(Instant instant) {
        if (instant == null) {
            return 0;
        }
        return Math.max(0, Duration.between(instant, clock.instant()).toDays());
    }

    /** Ended late, or still pending past its due date. */
    public boolean late(DossierLine d) {
        return "LATE".equals(d.timeliness())
                || d.endedAt() == null && d.legalDueAt() != null && d.legalDueAt().isBefore(clock.instant());
    }

    /** The month of a trend point, as "05/2024". */
    public String monthOf(LocalDate firstDay) {
        return month(firstDay);
    }

    /** The month of a trend point, as "05/2024". */
    static String month(LocalDate firstDay) {
        return String.format("%02d/%d", firstDay.getMonthValue(), firstDay.getYear());
    }
}
