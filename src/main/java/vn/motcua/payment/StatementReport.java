package vn.motcua.payment;

import java.util.List;

/**
 * What importing a bank statement did, row by row.
 *
 * @param unreadable the rows that could not be read, each with the reason
 */
public record StatementReport(List<Entry> entries, List<Unreadable> unreadable) {

    public record Entry(int line, String reference, long amount, String bankRef, Outcome outcome) {
    }

    /** A row of the statement that was not read, and why; nothing was recorded for it. */
    public record Unreadable(int line, Problem problem) {
    }

    public enum Outcome {
        /** The line paid an open transfer order. */
        PAID,
        /** This bank transaction was applied before. */
        ALREADY_APPLIED,
        /** The order it names is paid already (by another line, or at the counter). */
        ALREADY_PAID,
        /** The amount differs from the order's: left for an officer. */
        WRONG_AMOUNT,
        /** No payment reference in the content. */
        NO_REFERENCE,
        /** The content names no transfer order this officer may settle. */
        UNKNOWN_REFERENCE,
        /** Money going out of the account (a debit, a negative amount) or nothing at all: it never pays a fee. */
        NOT_A_CREDIT
    }

    /** Why a row could not be read. */
    public enum Problem {
        /** No amount in the row. */
        NO_AMOUNT,
        /** An amount that is not a number of đồng in either the Vietnamese or the English convention. */
        BAD_AMOUNT,
        /** An amount that reads differently in the two conventions (e.g. {@code 1.000.5}): asked, not guessed. */
        AMBIGUOUS_AMOUNT,
        /** An amount with a fraction of a đồng. */
        FRACTION,
        /** No bank reference for the transaction. */
        NO_BANK_REFERENCE,
        /** More cells than the heading has columns (an unquoted separator inside a cell). */
        EXTRA_CELLS,
        /** Not CSV from here on (an unclosed quote). */
        MALFORMED
    }

    public long paidCount() {
        return entries.stream().filter(e -> e.outcome() == Outcome.PAID).count();
    }
}
