package vn.motcua.payment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.platform.text.VietnameseText;

/**
 * A bank statement exported as CSV (comma or semicolon separated, the heading on the first line). Banks name their
 * columns differently, so columns are found by heading: the amount credited, the transfer's content, and the bank's
 * reference of the transaction.
 */
public final class BankStatement {

    /** A payment's reference inside a transfer's content, which banks may cut or space out. */
    private static final Pattern REFERENCE = Pattern.compile("TT\\s*(\\d{8})", Pattern.CASE_INSENSITIVE);

    /**
     * One credit line.
     *
     * @param line      the line number in the file (1 is the heading)
     * @param reference the payment reference found in the content, or null
     */
    public record Line(int line, long amount, String content, String bankRef, String reference) {
    }

    /** What a statement holds, and the lines that could not be read. */
    public record Parsed(List<Line> lines, List<String> unreadable) {
    }

    private BankStatement() {
    }

    /** @throws IllegalArgumentException when the heading lacks an amount, content or reference column */
    public static Parsed parse(String text) {
        String[] rows = text.replace("\uFEFF", "").split("\\r?\\n");
        if (rows.length == 0 || rows[0].isBlank()) {
            throw new IllegalArgumentException("empty");
        }
        char separator = rows[0].chars().filter(c -> c == ';').count() > rows[0].chars().filter(c -> c == ',').count()
                ? ';' : ',';
        List<String> heading = split(rows[0], separator);
        int amount = column(heading, "so tien ghi co", "ghi co", "so tien", "credit", "amount");
        int content = column(heading, "noi dung", "dien giai", "mo ta", "description", "content");
        int bankRef = column(heading, "so tham chieu", "ma giao dich", "so but toan", "reference", "transaction");
        if (amount < 0 || content < 0 || bankRef < 0) {
            throw new IllegalArgumentException("heading");
        }
        List<Line> lines = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            List<String> cells = split(rows[i], separator);
            String amountText = cell(cells, amount).replaceAll("[^0-9]", "");
            String ref = cell(cells, bankRef).strip();
            if (amountText.isEmpty() || amountText.length() > 15 || ref.isEmpty()) {
                unreadable.add(String.valueOf(i + 1));
                continue;
            }
            String said = cell(cells, content);
            lines.add(new Line(i + 1, Long.parseLong(amountText), said, ref, reference(said).orElse(null)));
        }
        return new Parsed(lines, unreadable);
    }

    static Optional<String> reference(String content) {
        Matcher m = REFERENCE.matcher(content);
        return m.find() ? Optional.of("TT" + m.group(1)) : Optional.empty();
    }

    private static int column(List<String> heading, String... names) {
        for (String name : names) {
            for (int i = 0; i < heading.size(); i++) {
                if (VietnameseText.fold(heading.get(i)).strip().startsWith(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() ? cells.get(i) : "";
    }

    /** Splits a CSV line, honouring double quotes (with "" inside a quoted cell). */
    static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
