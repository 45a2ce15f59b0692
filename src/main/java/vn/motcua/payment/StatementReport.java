package vn.motcua.payment;

import java.util.List;

/**
 * What importing a bank statement did, line by line.
 *
 * @param unreadable the line numbers that had no amount or bank reference
 */
public record StatementReport(List<Entry> entries, List<String> unreadable) {

    public record Entry(int line, String reference, long amount, String bankRef, Outcome outcome) {
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
        UNKNOWN_REFERENCE
    }

    public long paidCount() {
        return entries.stream().filter(e -> e.outcome() == Outcome.PAID).count();
    }
}
