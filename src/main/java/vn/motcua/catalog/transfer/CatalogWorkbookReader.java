package vn.motcua.catalog.transfer;

import static vn.motcua.catalog.transfer.CatalogSheets.APPLICANTS;
import static vn.motcua.catalog.transfer.CatalogSheets.DOCUMENTS;
import static vn.motcua.catalog.transfer.CatalogSheets.DOCUMENT_COLUMNS;
import static vn.motcua.catalog.transfer.CatalogSheets.EXEMPTIONS;
import static vn.motcua.catalog.transfer.CatalogSheets.FEES;
import static vn.motcua.catalog.transfer.CatalogSheets.FEE_COLUMNS;
import static vn.motcua.catalog.transfer.CatalogSheets.FIELDS;
import static vn.motcua.catalog.transfer.CatalogSheets.FIELD_COLUMNS;
import static vn.motcua.catalog.transfer.CatalogSheets.LEVELS;
import static vn.motcua.catalog.transfer.CatalogSheets.ONLINE;
import static vn.motcua.catalog.transfer.CatalogSheets.PROCEDURES;
import static vn.motcua.catalog.transfer.CatalogSheets.PROCEDURE_COLUMNS;
import static vn.motcua.catalog.transfer.CatalogSheets.split;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import vn.motcua.catalog.ApplicantType;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FeeExemption;
import vn.motcua.catalog.FieldType;
import vn.motcua.catalog.FormField;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.catalog.RequiredWhen;
import vn.motcua.catalog.transfer.CatalogSheets.Col;
import vn.motcua.platform.text.VietnameseText;

/**
 * Reads an uploaded catalog workbook into one parsed row per procedure: the procedure's own row with its documents,
 * fees and form fields gathered from the other sheets, or the problems that reject it, in the administrator's words.
 */
final class CatalogWorkbookReader {

    private final MessageSource messages;

    CatalogWorkbookReader(MessageSource messages) {
        this.messages = messages;
    }

    List<ParsedRow> read(InputStream in) throws CatalogFileException {
        ZipSecureFile.setMinInflateRatio(0.005);
        try (XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet main = workbook.getSheet(PROCEDURES);
            if (main == null) {
                throw new CatalogFileException("catalog.import.noSheet", PROCEDURES);
            }
            Map<String, Builder> builders = new LinkedHashMap<>();
            List<ParsedRow> rejected = new ArrayList<>();
            SheetTable procedures = new SheetTable(main, PROCEDURE_COLUMNS, this::message);
            for (Row row : procedures.rows()) {
                String where = where(PROCEDURES, row);
                String code = procedures.text(row, Col.CODE);
                Builder b = new Builder(where, code);
                try {
                    b.read(procedures, row);
                } catch (CellException e) {
                    b.problems.add(e.getMessage());
                }
                if (code != null && builders.containsKey(code)) {
                    rejected.add(ParsedRow.rejected(where, code, List.of(message("catalog.import.duplicateCode",
                            builders.get(code).where))));
                } else {
                    builders.put(code, b);
                }
            }
            children(workbook, DOCUMENTS, DOCUMENT_COLUMNS, builders, rejected, (t, row, b) -> b.documents.add(
                    new RequiredDocument(t.text(row, Col.DOC_NAME), t.integer(row, Col.ORIGINALS, 1),
                            t.integer(row, Col.COPIES, 0), t.bool(row, Col.MANDATORY, true), t.text(row, Col.TEMPLATE),
                            RequiredWhen.parse(t.text(row, Col.REQUIRED_WHEN)), t.bool(row, Col.HELD_BY_STATE, false))));
            children(workbook, FEES, FEE_COLUMNS, builders, rejected, (t, row, b) -> b.fees.add(
                    new Fee(t.text(row, Col.FEE_DESCRIPTION), t.integer(row, Col.FEE_AMOUNT, 0),
                            t.text(row, Col.FEE_PER_COPY), exemptions(t.text(row, Col.FEE_EXEMPTIONS)))));
            children(workbook, FIELDS, FIELD_COLUMNS, builders, rejected, (t, row, b) -> b.formFields.add(
                    new FormField(t.text(row, Col.KEY), t.text(row, Col.LABEL),
                            t.choice(row, Col.TYPE, FieldType.class, Map.of()), t.bool(row, Col.MANDATORY, false),
                            split(t.text(row, Col.OPTIONS), "\\|"), t.text(row, Col.PROFILE),
                            RequiredWhen.parse(t.text(row, Col.REQUIRED_WHEN)))));
            List<ParsedRow> rows = new ArrayList<>(rejected);
            for (Builder b : builders.values()) {
                rows.add(b.problems.isEmpty() ? ParsedRow.of(b.where, b.build())
                        : ParsedRow.rejected(b.where, b.code, b.problems));
            }
            return rows;
        } catch (IOException | org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new CatalogFileException("catalog.import.badWorkbook");
        }
    }

    private interface ChildReader {
        void read(SheetTable table, Row row, Builder builder) throws CellException;
    }

    private void children(Workbook workbook, String name, Col[] columns, Map<String, Builder> builders,
                          List<ParsedRow> rejected, ChildReader reader) throws CatalogFileException {
        Sheet sheet = workbook.getSheet(name);
        if (sheet == null) {
            return;
        }
        SheetTable table = new SheetTable(sheet, columns, this::message);
        for (Row row : table.rows()) {
            String code = table.text(row, Col.CODE);
            Builder b = builders.get(code);
            if (b == null) {
                rejected.add(ParsedRow.rejected(where(name, row), code,
                        List.of(message("catalog.import.unknownParent", code))));
                continue;
            }
            try {
                reader.read(table, row, b);
            } catch (CellException e) {
                b.problems.add(where(name, row) + ": " + e.getMessage());
            }
        }
    }

    private String where(String sheet, Row row) {
        return message("catalog.import.row", sheet, row.getRowNum() + 1);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** Exemption codes or labels, separated by commas, semicolons or line breaks. */
    private Set<FeeExemption> exemptions(String text) throws CellException {
        Set<FeeExemption> exemptions = EnumSet.noneOf(FeeExemption.class);
        for (String part : split(text, "[,;\\n]")) {
            FeeExemption found = null;
            for (FeeExemption e : FeeExemption.values()) {
                if (e.name().equalsIgnoreCase(part)
                        || VietnameseText.fold(EXEMPTIONS.get(e)).equals(VietnameseText.fold(part))) {
                    found = e;
                }
            }
            if (found == null) {
                throw new CellException(message("catalog.import.badExemption", Col.FEE_EXEMPTIONS.heading, part,
                        String.join("; ", Arrays.stream(FeeExemption.values())
                                .map(e -> e.name() + " (" + EXEMPTIONS.get(e) + ")").toList())));
            }
            exemptions.add(found);
        }
        return exemptions;
    }

    /** Collects a procedure's row and its child rows. */
    private final class Builder {
        final String where, code;
        final List<String> problems = new ArrayList<>();
        final List<RequiredDocument> documents = new ArrayList<>();
        final List<Fee> fees = new ArrayList<>();
        final List<FormField> formFields = new ArrayList<>();
        String name, field, implementing, time, feeNote, requirements, result, steps;
        ProcedureLevel level;
        OnlineLevel online;
        int days;
        List<String> agencies = List.of(), legal = List.of();
        List<ApplicantType> applicants = List.of();

        Builder(String where, String code) {
            this.where = where;
            this.code = code;
        }

        void read(SheetTable t, Row row) throws CellException {
            name = t.text(row, Col.NAME);
            field = t.text(row, Col.FIELD);
            level = t.choice(row, Col.LEVEL, ProcedureLevel.class, LEVELS);
            implementing = t.text(row, Col.IMPLEMENTING);
            agencies = split(t.text(row, Col.AGENCIES), "[,;\\s]+");
            online = t.choice(row, Col.ONLINE, OnlineLevel.class, ONLINE);
            days = t.integer(row, Col.DAYS, -1);
            time = t.text(row, Col.TIME);
            feeNote = t.text(row, Col.FEE_NOTE);
            applicants = t.choices(row, Col.APPLICANTS, ApplicantType.class, APPLICANTS);
            requirements = t.text(row, Col.REQUIREMENTS);
            legal = split(t.text(row, Col.LEGAL), "\\n");
            result = t.text(row, Col.RESULT);
            steps = t.text(row, Col.STEPS);
        }

        Procedure build() {
            return new Procedure(code, name, field, level, implementing, agencies, online, days, time, fees, feeNote,
                    documents, applicants, requirements, legal, result, steps, formFields);
        }
    }
}
