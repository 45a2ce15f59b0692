package vn.motcua.dossier;

import java.util.EnumSet;
import java.util.Set;

/** Where a dossier stands in its lifecycle. */
public enum DossierStatus {
    /** Being filled in online by the applicant; not yet submitted, not visible to officials. */
    DRAFT,
    /** Submitted online, waiting for reception. */
    SUBMITTED,
    /** Received with a receipt slip; the deadline runs. */
    RECEIVED,
    /** At a processing step. */
    PROCESSING,
    /** Waiting for the applicant to add to or correct it; the clock is stopped. */
    SUPPLEMENT_REQUESTED,
    /** Reception refused, or handling stopped. Final. */
    REFUSED,
    /** The result is issued and waits to be returned. */
    RESULT_READY,
    /** The result was returned to the applicant. Final. */
    RETURNED,
    /** Withdrawn by the applicant. Final. */
    WITHDRAWN;

    public static final Set<DossierStatus> PENDING = EnumSet.of(SUBMITTED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED,
            RESULT_READY);

    public boolean isFinal() {
        return this == REFUSED || this == RETURNED || this == WITHDRAWN;
    }
}
