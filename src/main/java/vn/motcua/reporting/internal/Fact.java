package vn.motcua.reporting.internal;

import java.time.Instant;

/**
 * One event as the read model keeps it in its history ({@code report_event}). Facts of one subject (a dossier code or
 * a petition number) are folded in the order {@link #ORDER}; the same fold serves live updates and rebuilds.
 *
 * @param agency    the competent agency (for a petition, the agency that handles it)
 * @param dueAt     the legal due date (RECEIVED, SUPPLEMENT_RECEIVED)
 * @param n1        RECEIVED: documents digitised; PAID: 1 when paid online
 * @param n2        RECEIVED: documents taken from the data store
 * @param amount    PAID: đồng
 * @param flag      RECEIVED, RESULT_READY: the applicant has an account; PAID: settled in full; RATED,
 *                  PETITION_RATED: satisfied; PETITION_CLOSED: on time
 * @param detail    what tells two facts of one kind and instant apart: the payment reference, the child dossier, the
 *                  dossier a petition is about; empty otherwise
 */
public record Fact(String subject, Kind kind, Instant at, String agency, String procedure, String channel,
                   Instant dueAt, int n1, int n2, long amount, boolean flag, String detail) {

    public enum Kind {
        SUBMITTED, RECEIVED, SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED, TRANSFERRED, RESULT_READY, RETURNED, REFUSED,
        WITHDRAWN, PAID, RATED, PETITION_RECEIVED, PETITION_CLOSED, PETITION_RATED;

        public boolean aboutPetition() {
            return name().startsWith("PETITION_");
        }
    }

    public Fact {
        detail = detail == null ? "" : detail;
        // PostgreSQL keeps microseconds: the fact read back must equal the fact told.
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** Time, then the lifecycle order of kinds for facts of the same instant. */
    public static final java.util.Comparator<Fact> ORDER = java.util.Comparator.comparing(Fact::at)
            .thenComparing(Fact::kind).thenComparing(Fact::detail);
}
