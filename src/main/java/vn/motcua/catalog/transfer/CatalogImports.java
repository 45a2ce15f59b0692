package vn.motcua.catalog.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.catalog.CatalogChanged;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.internal.CatalogRepository;
import vn.motcua.catalog.internal.ProcedureValidator;
import vn.motcua.platform.files.FileInspection;
import vn.motcua.platform.files.FileNames;
import vn.motcua.platform.jobs.BackgroundJobs;

/**
 * Loads a catalog file (JSON or Excel) in the background: each procedure is checked and saved in its own
 * transaction, so a bad row is reported and skipped while the good ones go in. Progress and the report of rejected
 * rows live in the {@code catalog_import} table ({@link CatalogImportRepository}), where the progress page reads
 * them.
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
            return BackgroundJobs.percent(total, processed, running());
        }
    }

    private final CatalogJson json;
    private final CatalogWorkbook workbook;
    private final ProcedureValidator validator;
    private final CatalogRepository repository;
    private final TransactionTemplate transactions;
    private final CatalogImportRepository imports;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final BackgroundJobs jobs;

    CatalogImports(CatalogJson json, CatalogWorkbook workbook, ProcedureValidator validator,
                   CatalogRepository repository, TransactionTemplate transactions, CatalogImportRepository imports,
                   MessageSource messages, ApplicationEventPublisher events) {
        this.json = json;
        this.workbook = workbook;
        this.validator = validator;
        this.repository = repository;
        this.transactions = transactions;
        this.imports = imports;
        this.messages = messages;
        this.events = events;
        this.jobs = new BackgroundJobs("catalog-import", imports, messages, "catalog.import");
    }

    /**
     * Starts importing a file; its format is told from its content, not its name.
     *
     * @throws CatalogFileException when the file is neither a JSON catalog nor an Excel workbook
     */
    public UUID start(String fileName, byte[] content, String username) throws CatalogFileException {
        String format = checkedFormatOf(fileName, content);
        UUID id = begin(FileNames.clean(fileName), format, username);
        jobs.start(id, locale -> run(id, format, content, locale));
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
        imports.begin(id, fileName, format, username);
        return id;
    }

    public Optional<Status> status(UUID id) {
        return imports.status(id);
    }

    public List<Status> recent(int limit) {
        return imports.recent(limit).stream().map(this::status).flatMap(Optional::stream).toList();
    }

    /** An import that was running when its node stopped will never finish: say so instead of showing it forever. */
    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        jobs.markInterrupted();
    }

    private void run(UUID id, String format, byte[] content, Locale locale) {
        List<ParsedRow> rows;
        try (InputStream in = new ByteArrayInputStream(content)) {
            rows = "XLSX".equals(format) ? workbook.read(in) : json.read(in);
        } catch (CatalogFileException e) {
            imports.finish(id, "FAILED", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
            return;
        } catch (IOException e) {
            imports.finish(id, "FAILED", messages.getMessage("catalog.import.failed", null, locale));
            return;
        }
        imports.total(id, rows.size());
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
                imports.progress(id, processed, accepted, rejections);
            }
        }
        imports.progress(id, processed, accepted, rejections);
        try {
            if (accepted > 0) {
                // Before "done": the listeners (the search index) catch up first, so an administrator who reads
                // "Hoàn tất" and searches the procedure at the counter finds it.
                events.publishEvent(new CatalogChanged(accepted));
            }
        } finally {
            imports.finish(id, "DONE", null); // the procedures are saved whatever a listener did
        }
        log.info("Catalog import {}: {} accepted, {} rejected", id, accepted, rejections.size());
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
        jobs.close();
    }
}
