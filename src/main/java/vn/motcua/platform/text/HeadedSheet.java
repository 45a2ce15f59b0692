package vn.motcua.platform.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * A worksheet of an imported workbook whose first row names its columns, as administrators fill them in: headings in
 * any order, with or without diacritics; the rows below that are not blank; each cell's text as shown, stripped.
 */
public final class HeadedSheet {

    private final Sheet sheet;
    private final Map<String, Integer> headings = new HashMap<>();
    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

    public HeadedSheet(Sheet sheet) {
        this.sheet = sheet;
        Row header = sheet.getRow(sheet.getFirstRowNum());
        if (header != null) {
            for (Cell cell : header) {
                headings.put(VietnameseText.fold(formatter.formatCellValue(cell).strip()), cell.getColumnIndex());
            }
        }
    }

    public String name() {
        return sheet.getSheetName();
    }

    /** The index of the column with this heading; null when the sheet has none. */
    public Integer column(String heading) {
        return headings.get(VietnameseText.fold(heading));
    }

    /** The rows below the heading that have something in them. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() > sheet.getFirstRowNum() && !blank(row)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The cell's text as shown, stripped; null when the cell is missing or empty. */
    public String text(Row row, int column) {
        Cell cell = row.getCell(column);
        String value = cell == null ? "" : formatter.formatCellValue(cell).strip();
        return value.isEmpty() ? null : value;
    }

    private boolean blank(Row row) {
        for (Cell cell : row) {
            if (!formatter.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }
}
