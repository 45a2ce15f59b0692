package vn.motcua.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.jobs.BackgroundJobs;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.reporting.DossierLine;
import vn.motcua.reporting.ReportingService;
import vn.motcua.workflow.WorkingCalendar;

/**
 * Writes the dossiers behind a figure to an Excel workbook in the background, since a province's year can be hundreds
 * of thousands of rows: the rows stream from the read model through a cursor into a streaming workbook (SXSSF), the
 * progress is kept in {@code report_export} ({@link ReportExportRepository}) for the page that waits, and the finished file is kept there for the
 * person who asked for it, for a day. The caller has checked that the person may see the agency.
 */
@Service
public class DossierExports implements DisposableBean {

    /** Excel's limit is 1,048,576 rows a sheet; the list stops a little before and says so. */
    public static final long MAX_ROWS = 1_000_000;
    private static final Logger log = LoggerFactory.getLogger(DossierExports.class);
    private static final int PROGRESS_EVERY = 1_000;

    public record Status(UUID id, String agencyCode, String figure, LocalDate from, LocalDate to, String state,
                         long total, long processed, String fileName, String error, OffsetDateTime startedAt,
                         OffsetDateTime finishedAt) {

        public boolean running() {
            return "RUNNING".equals(state);
        }

        public boolean done() {
            return "DONE".equals(state);
        }

        public int percent() {
            return BackgroundJobs.percent(total, processed, running());
        }
    }

    public record ExportFile(String name, byte[] content) {
    }

    private final ReportingService reporting;
    private final CatalogService catalog;
    private final OrganizationService organization;
    private final MessageSource messages;
    private final ReportExportRepository exports;
    private final BackgroundJobs jobs;
    private final Clock clock;

    DossierExports(ReportingService reporting, CatalogService catalog, OrganizationService organization,
                   MessageSource messages, ReportExportRepository exports, Clock clock) {
        this.reporting = reporting;
        this.catalog = catalog;
        this.organization = organization;
        this.messages = messages;
        this.exports = exports;
        this.clock = clock;
        this.jobs = new BackgroundJobs("report-export", exports, messages, "reporting.export");
    }

    /**
     * Starts writing the list; the figure and the period are checked first (a bad one throws the same 400 as the
     * page). Exports older than a day are deleted.
     *
     * @param agencyCode null for the whole province
     * @param title      what the file's first row says (the figure, the agency, the period)
     */
    public UUID start(String username, String agencyCode, String figure, LocalDate from, LocalDate to, String title) {
        long total = Math.min(reporting.countDossiers(agencyCode, figure, from, to), MAX_ROWS);
        exports.deleteOld();
        UUID id = UUID.randomUUID();
        exports.begin(id, username, agencyCode, figure, from, to, total);
        jobs.start(id, locale -> run(id, agencyCode, figure, from, to, title, locale));
        return id;
    }

    /** The export's progress, for the person who started it only. */
    public Optional<Status> status(UUID id, String username) {
        return exports.status(id, username);
    }

    /** The finished workbook, for the person who started it only. */
    public Optional<ExportFile> file(UUID id, String username) {
        return exports.file(id, username);
    }

    /** An export that was running when its node stopped will never finish: say so instead of waiting forever. */
    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        jobs.markInterrupted();
    }

    private void run(UUID id, String agencyCode, String figure, LocalDate from, LocalDate to, String title,
                     Locale locale) {
        Map<String, Agency> agencies = organization.agenciesByCode();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] written = {0};
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            workbook.setCompressTempFiles(true);
            ReportWorkbooks.Styles styles = new ReportWorkbooks.Styles(workbook);
            SXSSFSheet sheet = workbook.createSheet(text("reporting.xlsx.sheet.dossiers", locale));
            ReportWorkbooks.cells(sheet.createRow(0), styles.title, title);
            ReportWorkbooks.cells(sheet.createRow(1), null, text("reporting.xlsx.generated", locale,
                    VietnamTime.DATE_TIME.format(clock.instant())));
            String[] keys = {"no", "dossierCode", "procedureCode", "procedure", "agency", "channel", "receivedAt",
                    "dueAt", "endedAt", "outcome", "timeliness"};
            Object[] headings = new Object[keys.length];
            for (int k = 0; k < keys.length; k++) {
                headings[k] = text("reporting.col." + keys[k], locale);
            }
            ReportWorkbooks.cells(sheet.createRow(3), styles.heading, headings);
            ReportWorkbooks.widths(sheet, 8, 30, 12, 50, 30, 22, 17, 17, 17, 22, 14);
            reporting.forEachDossier(agencyCode, figure, from, to, MAX_ROWS, line -> {
                long n = ++written[0];
                Row row = sheet.createRow((int) (3 + n));
                ReportWorkbooks.cells(row, null, n, line.code(), line.procedureCode(), procedureName(line),
                        agencyName(agencies, line.agencyCode()),
                        text("reporting.channel." + line.channel(), locale), null, null, null,
                        line.outcome() == null ? "" : text("reporting.outcome." + line.outcome(), locale),
                        line.timeliness() == null ? "" : text("reporting.timeliness." + line.timeliness(), locale));
                date(row, 6, line.receivedAt(), styles);
                date(row, 7, line.legalDueAt(), styles);
                date(row, 8, line.endedAt(), styles);
                if (n % PROGRESS_EVERY == 0) {
                    exports.progress(id, n);
                }
            });
            if (written[0] >= MAX_ROWS) {
                ReportWorkbooks.cells(sheet.createRow((int) (4 + written[0])), styles.bold,
                        text("reporting.export.truncated", locale, MAX_ROWS));
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fileName = "ho-so-" + figure.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + from + "-" + to + ".xlsx";
        exports.done(id, written[0], fileName, out.toByteArray());
        log.info("Report export {}: {} dossiers behind {}", id, written[0], figure);
    }

    private static void date(Row row, int column, Instant instant, ReportWorkbooks.Styles styles) {
        if (instant != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(LocalDateTime.ofInstant(instant, WorkingCalendar.ZONE));
            cell.setCellStyle(styles.dateTime);
        }
    }

    private String procedureName(DossierLine line) {
        return catalog.procedure(line.procedureCode()).map(Procedure::name).orElse("");
    }

    private static String agencyName(Map<String, Agency> agencies, String code) {
        Agency a = agencies.get(code);
        return a == null ? code : a.displayName();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    @Override
    public void destroy() {
        jobs.close();
    }
}
