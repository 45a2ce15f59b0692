package vn.motcua.payment.internal;

import java.util.regex.Pattern;

import vn.motcua.payment.StatementReport.Problem;

/**
 * An amount of đồng as a bank statement writes it, in either convention: {@code 10.000} or {@code 10.000,00}
 * (Vietnamese) and {@code 10,000} or {@code 10,000.00} (English), with its sign ({@code -10.000}, {@code 10.000-},
 * {@code (10.000)}). A lone separator followed by three digits groups thousands in both conventions. What reads
 * differently in the two is reported, never guessed, and so is a fraction of a đồng.
 *
 * @param dong    the signed amount, or null when it could not be read
 * @param problem why it could not be read, or null
 */
record StatementAmount(Long dong, Problem problem) {

    private static final Pattern CURRENCY = Pattern.compile("(?i)^(vn[dđ]|đ)|(vn[dđ]|đ)$");
    private static final int MAX_DIGITS = 15;

    static StatementAmount read(String text) {
        String s = text == null ? "" : CURRENCY.matcher(text.replaceAll("[\\s\\u00A0]", "")).replaceAll("");
        if (s.isEmpty()) {
            return failed(Problem.NO_AMOUNT);
        }
        boolean negative = false;
        if (s.length() > 1 && s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1);
        }
        if (s.startsWith("-") || s.startsWith("\u2212")) {
            negative = !negative;
            s = s.substring(1);
        } else if (s.startsWith("+")) {
            s = s.substring(1);
        } else if (s.endsWith("-")) {
            negative = !negative;
            s = s.substring(0, s.length() - 1);
        }
        if (!s.matches("\\d[\\d.,]*")) {
            return failed(Problem.BAD_AMOUNT);
        }
        StatementAmount unsigned = unsigned(s);
        return unsigned.dong == null || !negative ? unsigned : new StatementAmount(-unsigned.dong, null);
    }

    private static StatementAmount unsigned(String s) {
        int dot = s.lastIndexOf('.'), comma = s.lastIndexOf(',');
        if (dot < 0 && comma < 0) {
            return digits(s);
        }
        if (dot >= 0 && comma >= 0) {
            // Both: the last one is the decimal mark, the other groups thousands.
            char decimal = dot > comma ? '.' : ',';
            char group = decimal == '.' ? ',' : '.';
            int at = s.lastIndexOf(decimal);
            String whole = s.substring(0, at), fraction = s.substring(at + 1);
            if (whole.indexOf(decimal) >= 0 || !grouped(whole, group) || !fraction.matches("\\d{1,2}")) {
                return failed(Problem.BAD_AMOUNT);
            }
            return fractionless(whole.replace(String.valueOf(group), ""), fraction);
        }
        char mark = dot >= 0 ? '.' : ',';
        int at = s.indexOf(mark);
        if (at != s.lastIndexOf(mark)) {
            return grouped(s, mark) ? digits(s.replace(String.valueOf(mark), "")) : failed(Problem.BAD_AMOUNT);
        }
        String whole = s.substring(0, at), tail = s.substring(at + 1);
        if (tail.length() == 3) {
            // 10.000 or 10,000: thousands in both conventions. 12345.678 or 0,500 could be either: ask.
            return grouped(s, mark) ? digits(whole + tail) : failed(Problem.AMBIGUOUS_AMOUNT);
        }
        if (tail.length() == 1 || tail.length() == 2) {
            return fractionless(whole, tail);
        }
        return failed(Problem.BAD_AMOUNT);
    }

    /** Thousands groups: 1 to 3 digits (not a lone 0), then groups of exactly three. */
    private static boolean grouped(String s, char group) {
        String g = Pattern.quote(String.valueOf(group));
        return s.matches("[1-9]\\d{0,2}(" + g + "\\d{3})*");
    }

    private static StatementAmount fractionless(String whole, String fraction) {
        return fraction.chars().allMatch(c -> c == '0') ? digits(whole) : failed(Problem.FRACTION);
    }

    private static StatementAmount digits(String s) {
        if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) {
            return failed(Problem.BAD_AMOUNT);
        }
        String significant = s.replaceFirst("^0+(?=\\d)", "");
        return significant.length() > MAX_DIGITS ? failed(Problem.BAD_AMOUNT)
                : new StatementAmount(Long.parseLong(significant), null);
    }

    private static StatementAmount failed(Problem problem) {
        return new StatementAmount(null, problem);
    }
}
