package vn.motcua.catalog.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.ApplicantType;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FeeExemption;
import vn.motcua.catalog.FieldType;
import vn.motcua.catalog.FormField;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.platform.text.VietnameseText;

/**
 * The catalog as an Excel workbook, the way a province's staff keep it: one row per procedure on the first sheet,
 * and one row per required document, fee and form field on the others, each starting with the procedure code.
 * Columns are found by their heading, so their order does not matter; values are read in Vietnamese
 * ("Cấp xã", "Toàn trình", "Có") or as the codes of the JSON format ("COMMUNE", "FULL", "true").
 */
@Component
public class CatalogWorkbook {

    static final String PROCEDURES = "Thủ tục", DOCUMENTS = "Thành phần hồ sơ", FEES = "Phí, lệ phí",
            FIELDS = "Trường biểu mẫu";

    enum Col {
        CODE("Mã thủ tục"), NAME("Tên thủ tục"), FIELD("Lĩnh vực"), LEVEL("Cấp thực hiện"),
        IMPLEMENTING("Cơ quan thực hiện"), AGENCIES("Mã cơ quan"), ONLINE("Mức độ trực tuyến"),
        DAYS("Thời hạn (ngày làm việc)"), TIME("Mô tả thời hạn"), FEE_NOTE("Ghi chú phí, lệ phí"),
        APPLICANTS("Đối tượng thực hiện"), REQUIREMENTS("Yêu cầu, điều kiện"), LEGAL("Căn cứ pháp lý"),
        RESULT("Kết quả thực hiện"), STEPS("Trình tự thực hiện"),
        DOC_NAME("Tên giấy tờ"), ORIGINALS("Bản chính"), COPIES("Bản sao"), MANDATORY("Bắt buộc"), TEMPLATE("Mẫu đơn, tờ khai"),
        FEE_DESCRIPTION("Nội dung"), FEE_AMOUNT("Mức thu (đồng)"), FEE_PER_COPY("Tính theo số bản (mã trường)"),
        FEE_EXEMPTIONS("Đối tượng miễn"),
        KEY("Mã trường"), LABEL("Nhãn"), TYPE("Kiểu"), OPTIONS("Lựa chọn"), PROFILE("Lấy từ thông tin cá nhân");

        final String heading;

        Col(String heading) {
            this.heading = heading;
        }
    }

    private static final Col[] PROCEDURE_COLUMNS = {Col.CODE, Col.NAME, Col.FIELD, Col.LEVEL, Col.IMPLEMENTING,
            Col.AGENCIES, Col.ONLINE, Col.DAYS, Col.TIME, Col.FEE_NOTE, Col.APPLICANTS, Col.REQUIREMENTS, Col.LEGAL,
            Col.RESULT, Col.STEPS};
    private static final Col[] DOCUMENT_COLUMNS = {Col.CODE, Col.DOC_NAME, Col.ORIGINALS, Col.COPIES, Col.MANDATORY,
            Col.TEMPLATE};
    private static final Col[] FEE_COLUMNS = {Col.CODE, Col.FEE_DESCRIPTION, Col.FEE_AMOUNT, Col.FEE_PER_COPY,
            Col.FEE_EXEMPTIONS};
    private static final Col[] FIELD_COLUMNS = {Col.CODE, Col.KEY, Col.LABEL, Col.TYPE, Col.MANDATORY, Col.OPTIONS,
            Col.PROFILE};

    private static final Map<ProcedureLevel, String> LEVELS = Map.of(ProcedureLevel.PROVINCE, "Cấp tỉnh",
            ProcedureLevel.COMMUNE, "Cấp xã");
    private static final Map<OnlineLevel, String> ONLINE = Map.of(OnlineLevel.FULL, "Toàn trình",
            OnlineLevel.PARTIAL, "Một phần", OnlineLevel.INFO, "Cung cấp thông tin");
    private static final Map<ApplicantType, String> APPLICANTS = Map.of(ApplicantType.CITIZEN, "Công dân",
            ApplicantType.BUSINESS, "Doanh nghiệp", ApplicantType.ORGANIZATION, "Tổ chức");
    /** Read as well as the codes; no label holds a comma, the separator of the column. */
    private static final Map<FeeExemption, String> EXEMPTIONS = Map.of(
            FeeExemption.MERITORIOUS, "Người có công với cách mạng",
            FeeExemption.POOR_HOUSEHOLD, "Hộ nghèo hoặc cận nghèo",
            FeeExemption.DISABLED, "Người khuyết tật",
            FeeExemption.CHILD, "Trẻ em dưới 6 tuổi",
            FeeExemption.ELDERLY, "Người cao tuổi",
            FeeExemption.ETHNIC_MINORITY, "Đồng bào dân tộc thiểu số");

    private final MessageSource messages;

    CatalogWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    // ---------------------------------------------------------------- writing

    public void write(List<Procedure> procedures, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet main = sheet(workbook, PROCEDURES, PROCEDURE_COLUMNS, bold);
            Sheet docs = sheet(workbook, DOCUMENTS, DOCUMENT_COLUMNS, bold);
            Sheet fees = sheet(workbook, FEES, FEE_COLUMNS, bold);
            Sheet fields = sheet(workbook, FIELDS, FIELD_COLUMNS, bold);
            for (Procedure p : procedures) {
                row(main, p.code(), p.name(), p.field(), LEVELS.get(p.level()), p.implementingAgency(),
                        String.join(", ", p.agencies()), ONLINE.get(p.onlineLevel()), p.processingDays(),
                        p.processingTime(), p.feeNote(),
                        String.join(", ", p.applicantTypes().stream().map(APPLICANTS::get).toList()),
                        p.requirements(), String.join("\n", p.legalBasis()), p.result(), p.steps());
                for (RequiredDocument d : p.documents()) {
                    row(docs, p.code(), d.name(), d.originals(), d.copies(), yesNo(d.mandatory()), d.template());
                }
                for (Fee f : p.fees()) {
                    row(fees, p.code(), f.description(), f.amount(), f.perCopyField(), String.join(", ",
                            f.exemptions().stream().sorted().map(Enum::name).toList()));
                }
                for (FormField f : p.formFields()) {
                    row(fields, p.code(), f.key(), f.label(), f.type().name(), yesNo(f.required()),
                            String.join(" | ", f.options()), f.profile());
                }
            }
            workbook.write(out);
        }
    }

    private static Sheet sheet(Workbook workbook, String name, Col[] columns, CellStyle bold) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.length; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns[i].heading);
            cell.setCellStyle(bold);
            sheet.setColumnWidth(i, columns[i] == Col.NAME || columns[i] == Col.DOC_NAME ? 80 * 256 : 20 * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void row(Sheet sheet, Object... values) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Number n) {
                row.createCell(i, CellType.NUMERIC).setCellValue(n.doubleValue());
            } else if (v != null && !v.toString().isEmpty()) {
                row.createCell(i, CellType.STRING).setCellValue(v.toString());
            }
        }
    }

    private static String yesNo(boolean value) {
        return value ? "Có" : "Không";
    }

    // ---------------------------------------------------------------- reading

    public List<ParsedRow> read(InputStream in) throws CatalogFileException {
        ZipSecureFile.setMinInflateRatio(0.005);
        try (XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet main = workbook.getSheet(PROCEDURES);
            if (main == null) {
                throw new CatalogFileException("catalog.import.noSheet", PROCEDURES);
            }
            Map<String, Builder> builders = new LinkedHashMap<>();
            List<ParsedRow> rejected = new ArrayList<>();
            Table procedures = new Table(main, PROCEDURE_COLUMNS);
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
                            t.integer(row, Col.COPIES, 0), t.bool(row, Col.MANDATORY, true), t.text(row, Col.TEMPLATE))));
            children(workbook, FEES, FEE_COLUMNS, builders, rejected, (t, row, b) -> b.fees.add(
                    new Fee(t.text(row, Col.FEE_DESCRIPTION), t.integer(row, Col.FEE_AMOUNT, 0),
                            t.text(row, Col.FEE_PER_COPY), exemptions(t.text(row, Col.FEE_EXEMPTIONS)))));
            children(workbook, FIELDS, FIELD_COLUMNS, builders, rejected, (t, row, b) -> b.formFields.add(
                    new FormField(t.text(row, Col.KEY), t.text(row, Col.LABEL),
                            t.choice(row, Col.TYPE, FieldType.class, Map.of()), t.bool(row, Col.MANDATORY, false),
                            split(t.text(row, Col.OPTIONS), "\\|"), t.text(row, Col.PROFILE))));
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
        void read(Table table, Row row, Builder builder) throws CellException;
    }

    private void children(Workbook workbook, String name, Col[] columns, Map<String, Builder> builders,
                          List<ParsedRow> rejected, ChildReader reader) throws CatalogFileException {
        Sheet sheet = workbook.getSheet(name);
        if (sheet == null) {
            return;
        }
        Table table = new Table(sheet, columns);
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

    private static List<String> split(String text, String separator) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static final class CellException extends Exception {
        CellException(String message) {
            super(message);
        }
    }

    /** A sheet with its columns found by heading. */
    private final class Table {
        private final Sheet sheet;
        private final Map<Col, Integer> columns = new HashMap<>();
        private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

        Table(Sheet sheet, Col[] expected) throws CatalogFileException {
            this.sheet = sheet;
            Row header = sheet.getRow(sheet.getFirstRowNum());
            Map<String, Integer> headings = new HashMap<>();
            if (header != null) {
                for (Cell cell : header) {
                    headings.put(VietnameseText.fold(formatter.formatCellValue(cell).strip()), cell.getColumnIndex());
                }
            }
            for (Col col : expected) {
                Integer index = headings.get(VietnameseText.fold(col.heading));
                if (index == null && (col == Col.CODE || col == Col.NAME || col == Col.DOC_NAME || col == Col.KEY)) {
                    throw new CatalogFileException("catalog.import.missingColumn", col.heading, sheet.getSheetName());
                }
                if (index != null) {
                    columns.put(col, index);
                }
            }
        }

        List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > sheet.getFirstRowNum() && !blank(row)) {
                    rows.add(row);
                }
            }
            return rows;
        }

        private boolean blank(Row row) {
            for (Cell cell : row) {
                if (!formatter.formatCellValue(cell).isBlank()) {
                    return false;
                }
            }
            return true;
        }

        String text(Row row, Col col) {
            Integer index = columns.get(col);
            if (index == null) {
                return null;
            }
            Cell cell = row.getCell(index);
            if (cell == null) {
                return null;
            }
            String value = formatter.formatCellValue(cell).strip();
            return value.isEmpty() ? null : value;
        }

        int integer(Row row, Col col, int absent) throws CellException {
            String text = text(row, col);
            if (text == null) {
                return absent;
            }
            try {
                return Integer.parseInt(text.replace(".", "").replace(",", "").replace(" ", ""));
            } catch (NumberFormatException e) {
                throw new CellException(message("catalog.import.notANumber", col.heading, text));
            }
        }

        boolean bool(Row row, Col col, boolean absent) throws CellException {
            String text = text(row, col);
            if (text == null) {
                return absent;
            }
            return switch (VietnameseText.fold(text)) {
                case "co", "x", "true", "yes", "1" -> true;
                case "khong", "false", "no", "0" -> false;
                default -> throw new CellException(message("catalog.import.notYesNo", col.heading, text));
            };
        }

        <E extends Enum<E>> E choice(Row row, Col col, Class<E> type, Map<E, String> labels) throws CellException {
            String text = text(row, col);
            if (text == null) {
                return null;
            }
            for (E value : type.getEnumConstants()) {
                if (value.name().equalsIgnoreCase(text)
                        || (labels.containsKey(value) && VietnameseText.fold(labels.get(value)).equals(VietnameseText.fold(text)))) {
                    return value;
                }
            }
            throw new CellException(message("catalog.import.badChoice", col.heading, text));
        }

        <E extends Enum<E>> List<E> choices(Row row, Col col, Class<E> type, Map<E, String> labels) throws CellException {
            List<E> values = new ArrayList<>();
            String text = text(row, col);
            for (String part : split(text, "[,;\\n]")) {
                E found = null;
                for (E value : type.getEnumConstants()) {
                    if (value.name().equalsIgnoreCase(part) || VietnameseText.fold(labels.get(value)).equals(VietnameseText.fold(part))) {
                        found = value;
                    }
                }
                if (found == null) {
                    throw new CellException(message("catalog.import.badChoice", col.heading, part));
                }
                values.add(found);
            }
            return values;
        }
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

        void read(Table t, Row row) throws CellException {
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
