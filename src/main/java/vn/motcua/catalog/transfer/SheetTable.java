package vn.motcua.catalog.transfer;

import static vn.motcua.catalog.transfer.CatalogSheets.split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import vn.motcua.catalog.transfer.CatalogSheets.Col;
import vn.motcua.platform.text.HeadedSheet;
import vn.motcua.platform.text.VietnameseText;

/** A sheet of an imported workbook with its columns found by heading, and its cells read as typed values. */
final class SheetTable {

    /** The administrator's text for a message key, in the request's language. */
    interface Messages {
        String text(String key, Object... args);
    }

    private final HeadedSheet sheet;
    private final Map<Col, Integer> columns = new HashMap<>();
    private final Messages messages;

    SheetTable(Sheet sheet, Col[] expected, Messages messages) throws CatalogFileException {
        this.sheet = new HeadedSheet(sheet);
        this.messages = messages;
        for (Col col : expected) {
            Integer index = this.sheet.column(col.heading);
            if (index == null && (col == Col.CODE || col == Col.NAME || col == Col.DOC_NAME || col == Col.KEY)) {
                throw new CatalogFileException("catalog.import.missingColumn", col.heading, sheet.getSheetName());
            }
            if (index != null) {
                columns.put(col, index);
            }
        }
    }

    List<Row> rows() {
        return sheet.rows();
    }

    String text(Row row, Col col) {
        Integer index = columns.get(col);
        return index == null ? null : sheet.text(row, index);
    }

    int integer(Row row, Col col, int absent) throws CellException {
        String text = text(row, col);
        if (text == null) {
            return absent;
        }
        try {
            return Integer.parseInt(text.replace(".", "").replace(",", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            throw new CellException(messages.text("catalog.import.notANumber", col.heading, text));
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
            default -> throw new CellException(messages.text("catalog.import.notYesNo", col.heading, text));
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
        throw new CellException(messages.text("catalog.import.badChoice", col.heading, text));
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
                throw new CellException(messages.text("catalog.import.badChoice", col.heading, part));
            }
            values.add(found);
        }
        return values;
    }
}
