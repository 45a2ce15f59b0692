package vn.motcua.catalog.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.catalog.CatalogChanged;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.internal.CatalogRepository;
import vn.motcua.catalog.internal.ProcedureValidator;
import vn.motcua.platform.files.FileInspection;
import vn.motcua.platform.files.FileNames;

/**
 * Loads a catalog file (JSON or Excel) in the background: each procedure is checked and saved in its own
 * transaction, so a bad row is reported and skipped while the good ones go in. Progress and the report of rejected
 * rows live in the {@code catalog_import} table, where the progress page reads them.
 */
@Service
public class CatalogImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CatalogImports.class);
    private static final int PROGRESS_EVERY = 25;

    /** A rejected row of an import and why. */
    public record Rejection(String where, String code, List<String> problems) {
    }

    public record Status(UUID id, String fileName, String format, String state, int total, int processed,
                         int accepted, List<Rejection> rejections, String error, String startedBy,
                         OffsetDateTime startedAt, OffsetDateTime finishedAt) {

        public boolean running() {
            return "RUNNING".equals(state);
        }

        public int percent() {
            return total == 0 ? (running() ? 0 : 100) : processed * 100 / total;
        }
    }

    private final CatalogJson json;
    private final CatalogWorkbook workbook;
    private final ProcedureValidator validator;
    private final CatalogRepository repository;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final JsonMapper mapper;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("catalog-import").factory());

    CatalogImports(CatalogJson json, CatalogWorkbook workbook, ProcedureValidator validator,
                   CatalogRepository repository, TransactionTemplate transactions, JdbcClient jdbc, JsonMapper mapper,
                   MessageSource messages, ApplicationEventPublisher events, Clock clock) {
        this.json = json;
        this.workbook = workbook;
        this.validator = validator;
        this.repository = repository;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts importing a file; its format is told from its content, not its name.
     *
     * @throws CatalogFileException when the file is neither a JSON catalog nor an Excel workbook
     */
    public UUID start(String fileName, byte[] content, String username) throws CatalogFileException {
        String format = checkedFormatOf(fileName, content);
        UUID id = begin(FileNames.clean(fileName), format, username);
        Locale locale = LocaleContextHolder.getLocale();
        executor.submit(() -> {
            LocaleContextHolder.setLocale(locale);
            try {
                run(id, format, content, locale);
            } catch (RuntimeException e) {
                log.error("Catalog import {} failed", id, e);
                finish(id, "FAILED", messages.getMessage("catalog.import.failed", null, locale));
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        });
        return id;
    }

    /** Imports a file in the calling thread and returns its final status (demo data, API clients that wait). */
    public Status importNow(String fileName, byte[] content, String username) throws CatalogFileException {
        String format = checkedFormatOf(fileName, content);
        UUID id = begin(FileNames.clean(fileName), format, username);
        run(id, format, content, LocaleContextHolder.getLocale());
        return status(id).orElseThrow();
    }

    private UUID begin(String fileName, String format, String username) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into catalog_import (id, file_name, format, status, started_by) values (?, ?, ?, 'RUNNING', ?)")
                .params(id, fileName == null ? "" : fileName, format, username).update();
        return id;
    }

    public Optional<Status> status(UUID id) {
        return jdbc.sql("""
                select id, file_name, format, status, total, processed, accepted, rejections::text, error, started_by,
                       started_at, finished_at
                from catalog_import where id = ?""").param(id)
                .query((rs, i) -> new Status(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                        mapper.readValue(rs.getString(8), new TypeReference<List<Rejection>>() {
                        }), rs.getString(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class),
                        rs.getObject(12, OffsetDateTime.class)))
                .optional();
    }

    public List<Status> recent(int limit) {
        List<UUID> ids = jdbc.sql("select id from catalog_import order by started_at desc limit ?").param(limit)
                .query(UUID.class).list();
        return ids.stream().map(this::status).flatMap(Optional::stream).toList();
    }

    /** An import that was running when its node stopped will never finish: say so instead of showing it forever. */
    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        jdbc.sql("""
                update catalog_import set status = 'FAILED', error = ?, finished_at = now()
                where status = 'RUNNING' and started_at < now() - interval '1 hour'""")
                .param(messages.getMessage("catalog.import.interrupted", null, Locale.forLanguageTag("vi"))).update();
    }

    private void run(UUID id, String format, byte[] content, Locale locale) {
        List<ParsedRow> rows;
        try (InputStream in = new ByteArrayInputStream(content)) {
            rows = "XLSX".equals(format) ? workbook.read(in) : json.read(in);
        } catch (CatalogFileException e) {
            finish(id, "FAILED", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
            return;
        } catch (IOException e) {
            finish(id, "FAILED", messages.getMessage("catalog.import.failed", null, locale));
            return;
        }
        jdbc.sql("update catalog_import set total = ? where id = ?").params(rows.size(), id).update();
        List<Rejection> rejections = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        int accepted = 0;
        int processed = 0;
        for (ParsedRow row : rows) {
            List<String> problems = new ArrayList<>(row.problems());
            Procedure procedure = row.procedure();
            if (procedure != null) {
                problems.addAll(validator.problems(procedure, locale));
                String first = seen.putIfAbsent(procedure.code(), row.where());
                if (first != null) {
                    problems.add(messages.getMessage("catalog.import.duplicateCode", new Object[]{first}, locale));
                }
            }
            if (problems.isEmpty()) {
                transactions.executeWithoutResult(tx -> repository.save(procedure));
                accepted++;
            } else {
                rejections.add(new Rejection(row.where(), row.code(), problems));
            }
            processed++;
            if (processed % PROGRESS_EVERY == 0) {
                progress(id, processed, accepted, rejections);
            }
        }
        progress(id, processed, accepted, rejections);
        finish(id, "DONE", null);
        if (accepted > 0) {
            events.publishEvent(new CatalogChanged(accepted));
        }
        log.info("Catalog import {}: {} accepted, {} rejected", id, accepted, rejections.size());
    }

    private void progress(UUID id, int processed, int accepted, List<Rejection> rejections) {
        jdbc.sql("update catalog_import set processed = ?, accepted = ?, rejections = cast(? as jsonb) where id = ?")
                .params(processed, accepted, mapper.writeValueAsString(rejections), id).update();
    }

    private void finish(UUID id, String status, String error) {
        jdbc.sql("update catalog_import set status = ?, error = ?, finished_at = ? where id = ?")
                .params(status, error, OffsetDateTime.now(clock.withZone(java.time.ZoneOffset.UTC)), id).update();
    }

    /** The format, after a workbook was opened as one and found free of macros and embedded files. */
    private static String checkedFormatOf(String fileName, byte[] content) throws CatalogFileException {
        String format = formatOf(content);
        if ("XLSX".equals(format)) {
            FileInspection.Verdict verdict = FileInspection.inspect(content);
            if (verdict.accepted() && !FileInspection.XLSX.equals(verdict.contentType())) {
                throw new CatalogFileException("catalog.import.unknownFormat");
            }
            // A workbook POI cannot read is reported by the import itself, row by row where it can.
            if (verdict.problem() == FileInspection.Problem.MACROS
                    || verdict.problem() == FileInspection.Problem.UNEXPECTED_PARTS) {
                throw new CatalogFileException(verdict.problem().messageKey(), FileNames.clean(fileName));
            }
        }
        return format;
    }

    /** XLSX files are ZIP archives; JSON starts with a brace or a bracket. Anything else is refused. */
    static String formatOf(byte[] content) throws CatalogFileException {
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return "XLSX";
        }
        int i = 0;
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        if (i < content.length && (content[i] == '{' || content[i] == '[')) {
            return "JSON";
        }
        throw new CatalogFileException("catalog.import.unknownFormat");
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
