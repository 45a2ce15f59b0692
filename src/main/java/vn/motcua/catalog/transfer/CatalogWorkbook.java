package vn.motcua.catalog.transfer;

import static vn.motcua.catalog.transfer.CatalogSheets.APPLICANTS;
import static vn.motcua.catalog.transfer.CatalogSheets.DOCUMENTS;
import static vn.motcua.catalog.transfer.CatalogSheets.DOCUMENT_COLUMNS;
import static vn.motcua.catalog.transfer.CatalogSheets.FEES;
import static vn.motcua.catalog.transfer.CatalogSheets.FEE_COLUMNS;
import static vn.motcua.catalog.transfer.CatalogSheets.FIELDS;
import static vn.motcua.catalog.transfer.CatalogSheets.FIELD_COLUMNS;
import static vn.motcua.catalog.transfer.CatalogSheets.LEVELS;
import static vn.motcua.catalog.transfer.CatalogSheets.ONLINE;
import static vn.motcua.catalog.transfer.CatalogSheets.PROCEDURES;
import static vn.motcua.catalog.transfer.CatalogSheets.PROCEDURE_COLUMNS;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FormField;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.catalog.RequiredWhen;
import vn.motcua.catalog.transfer.CatalogSheets.Col;

/**
 * The catalog as an Excel workbook, the way a province's staff keep it: one row per procedure on the first sheet,
 * and one row per required document, fee and form field on the others, each starting with the procedure code.
 * Columns are found by their heading, so their order does not matter; values are read in Vietnamese
 * ("Cấp xã", "Toàn trình", "Có") or as the codes of the JSON format ("COMMUNE", "FULL", "true"). The layout is
 * {@link CatalogSheets}; reading is {@link CatalogWorkbookReader}'s.
 */
@Component
public class CatalogWorkbook {

    private final CatalogWorkbookReader reader;

    CatalogWorkbook(MessageSource messages) {
        this.reader = new CatalogWorkbookReader(messages);
    }

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
                    row(docs, p.code(), d.name(), d.originals(), d.copies(), yesNo(d.mandatory()), d.template(),
                            conditionText(d.requiredWhen()), yesNo(d.heldByState()));
                }
                for (Fee f : p.fees()) {
                    row(fees, p.code(), f.description(), f.amount(), f.perCopyField(), String.join(", ",
                            f.exemptions().stream().sorted().map(Enum::name).toList()));
                }
                for (FormField f : p.formFields()) {
                    row(fields, p.code(), f.key(), f.label(), f.type().name(), yesNo(f.required()),
                            String.join(" | ", f.options()), f.profile(), conditionText(f.requiredWhen()));
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

    private static String conditionText(RequiredWhen when) {
        return when == null ? null : when.text();
    }

    private static String yesNo(boolean value) {
        return value ? "Có" : "Không";
    }

    public List<ParsedRow> read(InputStream in) throws CatalogFileException {
        return reader.read(in);
    }
}
