package vn.motcua.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.reporting.DossierLine;
import vn.motcua.reporting.ReportingService;
import vn.motcua.workflow.WorkingCalendar;

/**
 * Writes the dossiers behind a figure to an Excel workbook in the background, since a province's year can be hundreds
 * of thousands of rows: the rows stream from the read model through a cursor into a streaming workbook (SXSSF), the
 * progress is kept in {@code report_export} for the page that waits, and the finished file is kept there for the
 * person who asked for it, for a day. The caller has checked that the person may see the agency.
 */
@Service
public class DossierExports implements DisposableBean {

    /** Excel's limit is 1,048,576 rows a sheet; the list stops a little before and says so. */
    public static final long MAX_ROWS = 1_000_000;
    private static final Logger log = LoggerFactory.getLogger(DossierExports.class);
    private static final int PROGRESS_EVERY = 1_000;
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

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
            return total == 0 ? (running() ? 0 : 100) : (int) Math.min(100, processed * 100 / total);
        }
    }

    public record ExportFile(String name, byte[] content) {
    }

    private final ReportingService reporting;
    private final CatalogService catalog;
    private final OrganizationService organization;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final TransactionTemplate separately;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("report-export").factory());

    DossierExports(ReportingService reporting, CatalogService catalog, OrganizationService organization,
                   MessageSource messages, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.reporting = reporting;
        this.catalog = catalog;
        this.organization = organization;
        this.messages = messages;
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
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
        jdbc.sql("delete from report_export where started_at < now() - interval '1 day'").update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into report_export (id, started_by, agency, figure, date_from, date_to, status, total)
                values (?, ?, ?, ?, ?, ?, 'RUNNING', ?)""")
                .params(id, username, agencyCode, figure, Date.valueOf(from), Date.valueOf(to), total).update();
        Locale locale = LocaleContextHolder.getLocale();
        executor.submit(() -> {
            LocaleContextHolder.setLocale(locale);
            try {
                run(id, agencyCode, figure, from, to, title, locale);
            } catch (RuntimeException e) {
                log.error("Report export {} failed", id, e);
                finish(id, "FAILED", messages.getMessage("reporting.export.failed", null, locale));
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        });
        return id;
    }

    /** The export's progress, for the person who started it only. */
    public Optional<Status> status(UUID id, String username) {
        return jdbc.sql("""
                select id, agency, figure, date_from, date_to, status, total, processed, file_name, error, started_at,
                       finished_at
                from report_export where id = ? and started_by = ?""").params(id, username)
                .query((rs, i) -> new Status(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getLong(7),
                        rs.getLong(8), rs.getString(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class),
                        rs.getObject(12, OffsetDateTime.class)))
                .optional();
    }

    /** The finished workbook, for the person who started it only. */
    public Optional<ExportFile> file(UUID id, String username) {
        return jdbc.sql("select file_name, content from report_export where id = ? and started_by = ? and status = 'DONE'")
                .params(id, username)
                .query((rs, i) -> new ExportFile(rs.getString(1), rs.getBytes(2))).optional();
    }

    /** An export that was running when its node stopped will never finish: say so instead of waiting forever. */
    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        jdbc.sql("""
                update report_export set status = 'FAILED', error = ?, finished_at = now()
                where status = 'RUNNING' and started_at < now() - interval '1 hour'""")
                .param(messages.getMessage("reporting.export.interrupted", null, Locale.forLanguageTag("vi"))).update();
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
                    GENERATED.format(LocalDateTime.now(clock.withZone(WorkingCalendar.ZONE)))));
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
                    progress(id, n);
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
        separately.executeWithoutResult(tx -> jdbc.sql("""
                update report_export set status = 'DONE', processed = ?, total = ?, file_name = ?, content = ?,
                    finished_at = now() where id = ?""")
                .params(written[0], written[0], fileName, out.toByteArray(), id).update());
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

    private void progress(UUID id, long processed) {
        separately.executeWithoutResult(tx -> jdbc.sql("update report_export set processed = ? where id = ?")
                .params(processed, id).update());
    }

    private void finish(UUID id, String status, String error) {
        separately.executeWithoutResult(tx -> jdbc.sql(
                        "update report_export set status = ?, error = ?, finished_at = now() where id = ?")
                .params(status, error, id).update());
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
