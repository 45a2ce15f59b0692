package vn.motcua.reporting.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.platform.web.VietnamTime;
import vn.motcua.reporting.Figures;
import vn.motcua.reporting.GroupScore;
import vn.motcua.reporting.IndicatorScore;
import vn.motcua.reporting.Measure;
import vn.motcua.reporting.ServiceIndex;

/**
 * The report tables as Excel workbooks (.xlsx) with headings in the reader's language (Vietnamese by default): the
 * index with its groups and indicators, the ranking, the trend and the throughput by channel. Numbers are numeric
 * cells, so that a spreadsheet can add them up; each sheet starts with what it covers (agency and period).
 */
@Component
public class ReportWorkbooks {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter DAY = VietnamTime.DATE;

    private final MessageSource messages;
    private final Clock clock;

    ReportWorkbooks(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** The index: groups and their indicators on the first sheet, the counts behind them on the second. */
    public void index(ServiceIndex index, String periodLabel, Locale locale, OutputStream out) throws IOException {
        try (Workbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(text("reporting.xlsx.sheet.index", locale));
            int r = heading(sheet, styles, text("reporting.index.title", locale), index.agencyName(), periodLabel,
                    index.from(), index.to(), locale);
            r = headings(sheet, styles, r, locale, "group", "code", "indicator", "numerator", "denominator", "rate",
                    "threshold", "points", "max", "note");
            for (GroupScore g : index.groups()) {
                Row row = sheet.createRow(r++);
                cells(row, styles.bold, g.name(), g.code(), "", null, null, null, null, g.points(), g.max(), "");
                for (IndicatorScore i : g.indicators()) {
                    String note = !i.measured() ? text("reporting.unmeasured", locale)
                            : i.rate() == null ? text("reporting.nothingToMeasure", locale) : "";
                    cells(sheet.createRow(r++), null, "", i.code(), i.name(),
                            i.measured() && i.rate() != null ? i.numerator() : null,
                            i.measured() && i.rate() != null ? i.denominator() : null,
                            i.rate(), i.threshold(), i.points(), i.max(), note);
                }
            }
            cells(sheet.createRow(r), styles.bold, text("reporting.total", locale), "", "", null, null, null, null,
                    index.total(), 100.0, index.bandName());
            widths(sheet, 28, 9, 52, 10, 10, 11, 11, 9, 11, 30);

            Sheet counts = workbook.createSheet(text("reporting.xlsx.sheet.counts", locale));
            r = heading(counts, styles, text("reporting.counts.title", locale), index.agencyName(), periodLabel,
                    index.from(), index.to(), locale);
            r = headings(counts, styles, r, locale, "figure", "value");
            for (Map.Entry<String, Long> c : index.counts().entrySet()) {
                cells(counts.createRow(r++), null, text("reporting.count." + c.getKey(), locale), c.getValue());
            }
            widths(counts, 60, 14);
            workbook.write(out);
        }
    }

    /** The agencies ranked, best first, with their groups. */
    public void ranking(List<ServiceIndex> ranking, String scopeName, String periodLabel, LocalDate from, LocalDate to,
                        Locale locale, OutputStream out) throws IOException {
        try (Workbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(text("reporting.xlsx.sheet.ranking", locale));
            int r = heading(sheet, styles, text("reporting.ranking.title", locale), scopeName, periodLabel, from, to,
                    locale);
            Row head = sheet.createRow(r++);
            List<GroupScore> groups = ranking.isEmpty() ? List.of() : ranking.getFirst().groups();
            Object[] headings = new Object[5 + groups.size()];
            headings[0] = text("reporting.col.rank", locale);
            headings[1] = text("reporting.col.agencyCode", locale);
            headings[2] = text("reporting.col.agency", locale);
            headings[3] = text("reporting.col.total", locale);
            headings[4] = text("reporting.col.band", locale);
            for (int g = 0; g < groups.size(); g++) {
                headings[5 + g] = groups.get(g).name() + " (" + number(groups.get(g).max()) + ")";
            }
            cells(head, styles.heading, headings);
            int rank = 1;
            for (ServiceIndex i : ranking) {
                Object[] values = new Object[5 + i.groups().size()];
                values[0] = (long) rank++;
                values[1] = i.agencyCode();
                values[2] = i.agencyName();
                values[3] = i.total();
                values[4] = i.bandName();
                for (int g = 0; g < i.groups().size(); g++) {
                    values[5 + g] = i.groups().get(g).points();
                }
                cells(sheet.createRow(r++), null, values);
            }
            widths(sheet, 7, 16, 36, 11, 13, 16, 16, 16, 16, 16, 16);
            workbook.write(out);
        }
    }

    /** The index month by month. */
    public void trend(List<ServiceIndex> trend, String scopeName, Locale locale, OutputStream out) throws IOException {
        try (Workbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(text("reporting.xlsx.sheet.trend", locale));
            LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
            LocalDate from = trend.isEmpty() ? today : trend.getFirst().from();
            LocalDate to = trend.isEmpty() ? today : trend.getLast().to();
            int r = heading(sheet, styles, text("reporting.trend.title", locale), scopeName,
                    text("reporting.trend.months", locale, trend.size()), from, to, locale);
            List<GroupScore> groups = trend.isEmpty() ? List.of() : trend.getFirst().groups();
            Object[] headings = new Object[2 + groups.size()];
            headings[0] = text("reporting.col.month", locale);
            headings[1] = text("reporting.col.total", locale);
            for (int g = 0; g < groups.size(); g++) {
                headings[2 + g] = groups.get(g).name() + " (" + number(groups.get(g).max()) + ")";
            }
            cells(sheet.createRow(r++), styles.heading, headings);
            for (ServiceIndex i : trend) {
                Object[] values = new Object[2 + i.groups().size()];
                values[0] = String.format("%02d/%d", i.from().getMonthValue(), i.from().getYear());
                values[1] = i.total();
                for (int g = 0; g < i.groups().size(); g++) {
                    values[2 + g] = i.groups().get(g).points();
                }
                cells(sheet.createRow(r++), null, values);
            }
            widths(sheet, 10, 11, 16, 16, 16, 16, 16, 16);
            workbook.write(out);
        }
    }

    /** Dossiers received and handled on each channel. */
    public void channels(Map<String, Figures> byChannel, String scopeName, String periodLabel, LocalDate from,
                         LocalDate to, Locale locale, OutputStream out) throws IOException {
        try (Workbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(text("reporting.xlsx.sheet.channels", locale));
            int r = heading(sheet, styles, text("reporting.channels.title", locale), scopeName, periodLabel, from, to,
                    locale);
            List<Measure> measures = CHANNEL_MEASURES;
            Object[] headings = new Object[1 + measures.size()];
            headings[0] = text("reporting.col.channel", locale);
            for (int m = 0; m < measures.size(); m++) {
                headings[1 + m] = text("reporting.count." + measures.get(m).name(), locale);
            }
            cells(sheet.createRow(r++), styles.heading, headings);
            Figures sum = new Figures();
            for (Map.Entry<String, Figures> c : byChannel.entrySet()) {
                sum = sum.plus(c.getValue());
                cells(sheet.createRow(r++), null, row(text("reporting.channel." + c.getKey(), locale), c.getValue()));
            }
            cells(sheet.createRow(r), styles.bold, row(text("reporting.total.all", locale), sum));
            widths(sheet, 30, 16, 16, 16, 16, 16, 16, 16);
            workbook.write(out);
        }
    }

    /** The measures the channel table shows, in its order. */
    public static final List<Measure> CHANNEL_MEASURES = List.of(Measure.SUBMITTED, Measure.RECEIVED, Measure.HANDLED,
            Measure.EARLY, Measure.ON_TIME, Measure.LATE, Measure.RETURNED);

    private static Object[] row(String label, Figures f) {
        Object[] values = new Object[1 + CHANNEL_MEASURES.size()];
        values[0] = label;
        for (int m = 0; m < CHANNEL_MEASURES.size(); m++) {
            values[1 + m] = f.get(CHANNEL_MEASURES.get(m));
        }
        return values;
    }

    // ------------------------------------------------------------------ cells

    /** Bold for headings and group rows; a date-time format for dates. */
    static final class Styles {
        final CellStyle bold;
        final CellStyle heading;
        final CellStyle title;
        final CellStyle dateTime;

        Styles(Workbook workbook) {
            Font font = workbook.createFont();
            font.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(font);
            heading = workbook.createCellStyle();
            heading.setFont(font);
            heading.setWrapText(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
        }
    }

    /** The title, the agency and the period on the first rows; returns the next free row. */
    int heading(Sheet sheet, Styles styles, String title, String scopeName, String periodLabel, LocalDate from,
                LocalDate to, Locale locale) {
        cells(sheet.createRow(0), styles.title, title);
        cells(sheet.createRow(1), null, text("reporting.xlsx.scope", locale, scopeName));
        cells(sheet.createRow(2), null, text("reporting.xlsx.period", locale, periodLabel, DAY.format(from),
                DAY.format(to)));
        return 4;
    }

    private int headings(Sheet sheet, Styles styles, int r, Locale locale, String... keys) {
        Object[] labels = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            labels[i] = text("reporting.col." + keys[i], locale);
        }
        cells(sheet.createRow(r), styles.heading, labels);
        return r + 1;
    }

    static void cells(Row row, CellStyle style, Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            switch (v) {
                case Number n -> cell.setCellValue(n.doubleValue());
                case LocalDateTime t -> cell.setCellValue(t);
                default -> cell.setCellValue(v.toString());
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    static void widths(Sheet sheet, int... characters) {
        for (int c = 0; c < characters.length; c++) {
            sheet.setColumnWidth(c, characters[c] * 256);
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
