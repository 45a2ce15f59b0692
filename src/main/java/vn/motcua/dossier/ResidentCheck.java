package vn.motcua.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The applicant's identity (ID number, full name, birth date) checked against the national population database when
 * a dossier is submitted online or received at a counter. Implemented by the population module; without one, or
 * with the population database not connected, nothing is checked and nothing changes.
 */
public interface ResidentCheck {

    /**
     * Asks the population database now, recording the lookup in the audit trail (personal data).
     *
     * @return empty when the population database is not connected, else its verdict (PENDING when unreachable)
     */
    Optional<Verdict> lookUp(Identity identity);

    /**
     * Keeps the verdict with the dossier, in the caller's transaction (a dossier rolled back keeps none). A PENDING
     * verdict is asked again later until it is known; a dossier keeps one verdict, the first kept.
     *
     * @param note the officer's note when they received the dossier in spite of the verdict, else null
     */
    void keep(long dossierId, DossierRef dossier, Identity identity, Verdict verdict, String note, String author);

    /** What the applicant or the officer reads about a verdict that is not a match, in their language. */
    String explain(Verdict verdict, Locale locale);

    /** Whom to check; all three parts are needed, else nothing is asked. */
    record Identity(String username, String idNumber, String fullName, LocalDate birthDate) {

        public boolean complete() {
            return idNumber != null && !idNumber.isBlank() && fullName != null && !fullName.isBlank()
                    && birthDate != null;
        }
    }

    /**
     * @param mismatched for MISMATCH, which parts the register does not confirm; empty otherwise
     * @param at         when the population database answered (for PENDING: when it was asked)
     */
    record Verdict(Outcome outcome, Set<Part> mismatched, Instant at) {

        public Verdict {
            mismatched = mismatched == null ? Set.of() : Set.copyOf(mismatched);
        }

        public boolean match() {
            return outcome == Outcome.MATCH;
        }

        /** Not confirmed by the register: the officer receives it only with a note (online, MISMATCH is refused). */
        public boolean refuted() {
            return outcome == Outcome.MISMATCH || outcome == Outcome.NOT_FOUND;
        }
    }

    enum Outcome { MATCH, MISMATCH, NOT_FOUND, PENDING }

    enum Part { ID_NUMBER, FULL_NAME, BIRTH_DATE }
}
