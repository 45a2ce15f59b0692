package vn.motcua.payment.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.motcua.payment.StatementReport.Problem;
import vn.motcua.payment.StatementReport.Unreadable;
import vn.motcua.platform.text.VietnameseText;

/**
 * A bank statement exported as CSV (comma or semicolon separated, the heading on the first row, quoted cells may
 * span lines). Banks name their columns differently, so columns are found by heading: the amount credited (or one
 * signed amount), optionally the amount debited, the transfer's content, and the bank's reference of the
 * transaction. Only money coming in is a credit: a debit or a negative amount is read as such and never pays.
 */
public final class BankStatement {

    /** A payment's reference inside a transfer's content, which banks may cut or space out. */
    private static final Pattern REFERENCE = Pattern.compile("TT\\s*(\\d{8})", Pattern.CASE_INSENSITIVE);

    /**
     * One line with an amount.
     *
     * @param line      the row number in the file, as a spreadsheet numbers it (1 is the heading)
     * @param amount    the amount credited; zero or negative for a debit, which pays nothing
     * @param reference the payment reference found in the content, or null
     */
    public record Line(int line, long amount, String content, String bankRef, String reference) {

        public boolean credit() {
            return amount > 0;
        }
    }

    /** What a statement holds, and the rows that could not be read. */
    public record Parsed(List<Line> lines, List<Unreadable> unreadable) {
    }

    private BankStatement() {
    }

    /** @throws IllegalArgumentException when the heading lacks an amount, content or reference column */
    public static Parsed parse(String text) {
        String csv = text.replace("\uFEFF", "");
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(csv)).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new IllegalArgumentException("empty");
            }
            Columns columns = Columns.of(records.next().toList());
            List<Line> lines = new ArrayList<>();
            List<Unreadable> unreadable = new ArrayList<>();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    // An unclosed quote: nothing after it can be trusted.
                    unreadable.add(new Unreadable((int) parser.getRecordNumber() + 1, Problem.MALFORMED));
                    break;
                }
                read(record, columns, lines, unreadable);
            }
            return new Parsed(lines, unreadable);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("unreadable", e);
        }
    }

    private static void read(CSVRecord record, Columns columns, List<Line> lines, List<Unreadable> unreadable) {
        int row = (int) record.getRecordNumber();
        List<String> cells = record.toList();
        if (cells.stream().allMatch(String::isBlank)) {
            return;
        }
        if (cells.subList(Math.min(columns.count, cells.size()), cells.size()).stream().anyMatch(c -> !c.isBlank())) {
            unreadable.add(new Unreadable(row, Problem.EXTRA_CELLS));
            return;
        }
        String creditText = cell(cells, columns.amount), debitText = cell(cells, columns.debit);
        long amount;
        if (!debitText.isBlank() && (creditText.isBlank() || isZero(creditText))) {
            StatementAmount debit = StatementAmount.read(debitText);
            if (debit.problem() != null) {
                unreadable.add(new Unreadable(row, debit.problem()));
                return;
            }
            amount = -Math.abs(debit.dong());
        } else {
            StatementAmount credit = StatementAmount.read(creditText);
            if (credit.problem() != null) {
                unreadable.add(new Unreadable(row, credit.problem()));
                return;
            }
            amount = credit.dong();
            if (!debitText.isBlank() && !isZero(debitText)) {
                // Both columns filled: not a plain credit, so it pays nothing.
                amount = -Math.abs(amount);
            }
        }
        String ref = cell(cells, columns.bankRef).strip();
        if (amount > 0 && ref.isEmpty()) {
            unreadable.add(new Unreadable(row, Problem.NO_BANK_REFERENCE));
            return;
        }
        String said = cell(cells, columns.content);
        lines.add(new Line(row, amount, said, ref, reference(said).orElse(null)));
    }

    private static boolean isZero(String amount) {
        StatementAmount read = StatementAmount.read(amount);
        return read.dong() != null && read.dong() == 0;
    }

    static Optional<String> reference(String content) {
        Matcher m = REFERENCE.matcher(content);
        return m.find() ? Optional.of("TT" + m.group(1)) : Optional.empty();
    }

    /** {@code ;} when the heading row has more of them than commas (outside quotes), else {@code ,}. */
    private static char delimiter(String csv) {
        int semicolons = 0, commas = 0;
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static String cell(List<String> cells, int i) {
        return i >= 0 && i < cells.size() ? cells.get(i) : "";
    }

    /** Where the statement keeps what reconciliation reads; -1 for a column it does not have. */
    private record Columns(int count, int amount, int debit, int content, int bankRef) {

        static Columns of(List<String> heading) {
            int debit = column(heading, -1, "so tien ghi no", "ghi no", "debit", "withdrawal");
            int amount = column(heading, -1, "so tien ghi co", "ghi co", "credit", "deposit");
            if (amount < 0) {
                amount = column(heading, debit, "so tien", "amount");
            }
            int content = column(heading, -1, "noi dung", "dien giai", "mo ta", "description", "content");
            int bankRef = column(heading, -1, "so tham chieu", "ma giao dich", "so but toan", "reference", "transaction");
            if (amount < 0 || content < 0 || bankRef < 0) {
                throw new IllegalArgumentException("heading");
            }
            return new Columns(heading.size(), amount, debit, content, bankRef);
        }

        private static int column(List<String> heading, int except, String... names) {
            for (String name : names) {
                for (int i = 0; i < heading.size(); i++) {
                    if (i != except && VietnameseText.fold(heading.get(i)).strip().startsWith(name)) {
                        return i;
                    }
                }
            }
            return -1;
        }
    }
}
