package vn.motcua.reporting;

/** Dossiers received and not yet ended, now: within their legal due date, and past it. */
public record Pending(long inTime, long overdue) {
}
