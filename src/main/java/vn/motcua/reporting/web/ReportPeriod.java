package vn.motcua.reporting.web;

import static vn.motcua.platform.text.Texts.blank;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.context.MessageSource;

import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.reporting.ReportingService;

/**
 * The days a report covers, as a person chose them: a month, a quarter, a year, or any days from–to. Read from the
 * query parameters {@code ky} (thang, quy, nam, khoang), {@code thang} (2024-05 or 05/2024), {@code quy} (1–4),
 * {@code nam} (2024), {@code tu} and {@code den} (2024-05-31 or 31/05/2024). Without {@code ky}, days given mean a
 * custom period, else a month, quarter or year given means that, else the page's default.
 */
public record ReportPeriod(String kind, LocalDate from, LocalDate to) {

    static final String MONTH = "thang", QUARTER = "quy", YEAR = "nam", RANGE = "khoang";
    private static final DateTimeFormatter DAY = VietnamTime.DATE;

    /** The query parameters, as typed; every one may be missing. */
    public record Params(String ky, String thang, String quy, String nam, String tu, String den) {
    }

    /**
     * @param defaultKind MONTH or YEAR: what the page shows when nothing was chosen
     * @throws UserFacingException 400 with a Vietnamese message when a value cannot be read or the days are backwards
     */
    static ReportPeriod of(Params p, String defaultKind, LocalDate today) {
        String kind = blank(p.ky()) ? null : p.ky().trim();
        if (kind == null) {
            kind = !blank(p.tu()) || !blank(p.den()) ? RANGE : !blank(p.thang()) ? MONTH
                    : !blank(p.quy()) ? QUARTER : !blank(p.nam()) ? YEAR : defaultKind;
        }
        ReportPeriod period = switch (kind) {
            case MONTH -> {
                YearMonth m = blank(p.thang()) ? YearMonth.from(today) : month(p.thang().trim());
                yield new ReportPeriod(MONTH, m.atDay(1), m.atEndOfMonth());
            }
            case QUARTER -> {
                int year = blank(p.nam()) ? today.getYear() : year(p.nam().trim());
                int quarter = blank(p.quy()) ? (today.getMonthValue() - 1) / 3 + 1 : quarter(p.quy().trim());
                YearMonth first = YearMonth.of(year, quarter * 3 - 2);
                yield new ReportPeriod(QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth());
            }
            case YEAR -> {
                int year = blank(p.nam()) ? today.getYear() : year(p.nam().trim());
                yield new ReportPeriod(YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            case RANGE -> {
                if (blank(p.tu()) || blank(p.den())) {
                    throw UserFacingException.badRequest("reporting.period.invalid");
                }
                yield new ReportPeriod(RANGE, day(p.tu().trim()), day(p.den().trim()));
            }
            default -> throw UserFacingException.badRequest("reporting.period.kindUnknown", kind);
        };
        if (period.to().isBefore(period.from())) {
            throw UserFacingException.badRequest("reporting.period.invalid");
        }
        if (ChronoUnit.DAYS.between(period.from(), period.to()) > ReportingService.MAX_DAYS) {
            throw UserFacingException.badRequest("reporting.period.tooLong");
        }
        return period;
    }

    /** The last month the period touches: where its trend ends. */
    public YearMonth lastMonth() {
        return YearMonth.from(to);
    }

    public int year() {
        return from.getYear();
    }

    public int quarter() {
        return (from.getMonthValue() - 1) / 3 + 1;
    }

    /** For {@code <input type="month">}. */
    public String month() {
        return YearMonth.from(from).toString();
    }

    /** "Tháng 05/2024", "Quý 2/2024", "Năm 2024", "Từ 01/05/2024 đến 10/05/2024". */
    String label(MessageSource messages, Locale locale) {
        return switch (kind) {
            case MONTH -> messages.getMessage("reporting.period.label.month",
                    new Object[]{String.format("%02d/%d", from.getMonthValue(), from.getYear())}, locale);
            case QUARTER -> messages.getMessage("reporting.period.label.quarter",
                    new Object[]{String.valueOf(quarter()), String.valueOf(year())}, locale);
            case YEAR -> messages.getMessage("reporting.period.label.year", new Object[]{String.valueOf(year())}, locale);
            default -> messages.getMessage("reporting.period.label.range",
                    new Object[]{DAY.format(from), DAY.format(to)}, locale);
        };
    }

    /** The same days as query parameters, for links to the dossiers behind a figure and to exports. */
    String query() {
        return switch (kind) {
            case MONTH -> "ky=thang&thang=" + month();
            case QUARTER -> "ky=quy&quy=" + quarter() + "&nam=" + year();
            case YEAR -> "ky=nam&nam=" + year();
            default -> days();
        };
    }

    /** The days as {@code tu} and {@code den}, whatever the kind. */
    public String days() {
        return "tu=" + from + "&den=" + to;
    }

    // ------------------------------------------------------------------ reading what people type

    static LocalDate day(String s) {
        try {
            if (s.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
                String[] p = s.split("-");
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
            if (s.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                String[] p = s.split("/");
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
        } catch (DateTimeException e) {
            // falls through to the message
        }
        throw UserFacingException.badRequest("reporting.date.invalid", s);
    }

    private static YearMonth month(String s) {
        try {
            if (s.matches("\\d{4}-\\d{1,2}")) {
                String[] p = s.split("-");
                return checked(YearMonth.of(Integer.parseInt(p[0]), Integer.parseInt(p[1])), s);
            }
            if (s.matches("\\d{1,2}/\\d{4}")) {
                String[] p = s.split("/");
                return checked(YearMonth.of(Integer.parseInt(p[1]), Integer.parseInt(p[0])), s);
            }
        } catch (DateTimeException e) {
            // falls through to the message
        }
        throw UserFacingException.badRequest("reporting.month.invalid", s);
    }

    private static YearMonth checked(YearMonth m, String s) {
        if (m.getYear() < 2000 || m.getYear() > 2100) {
            throw UserFacingException.badRequest("reporting.month.invalid", s);
        }
        return m;
    }

    private static int year(String s) {
        if (s.matches("\\d{4}")) {
            int year = Integer.parseInt(s);
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        }
        throw UserFacingException.badRequest("reporting.year.invalid", s);
    }

    private static int quarter(String s) {
        if (s.matches("[1-4]")) {
            return Integer.parseInt(s);
        }
        throw UserFacingException.badRequest("reporting.quarter.invalid", s);
    }

    static String formatDay(LocalDate d) {
        return DAY.format(d);
    }
}
