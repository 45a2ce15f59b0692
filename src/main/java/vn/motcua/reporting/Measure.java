package vn.motcua.reporting;

import java.util.Locale;

/**
 * What the read model counts, per agency, procedure, channel and day. Dossier counts are of dossiers received here
 * (an inter-agency child dossier is its parent's work, counted once); each lands on the day its event happened.
 */
public enum Measure {
    /** Submitted on the portal (before an official receives it). */
    SUBMITTED,
    /** Received: the deadline started. */
    RECEIVED,
    /** Whose handling ended (result ready, else returned, refused or withdrawn; or waiting for the applicant). */
    HANDLED,
    EARLY,
    ON_TIME,
    LATE,
    /** Handling ended by refusal. */
    REFUSED,
    /** Handling ended by the applicant's withdrawal. */
    WITHDRAWN,
    /** Waiting for the applicant's supplement: counted as ended at the request while the wait lasts. */
    WAITING,
    /** Results handed to the applicant. */
    RETURNED,
    /** Supplement requests (form 02), each one. */
    SUPPLEMENT_REQUESTS,
    /** Parts sent to other agencies as linked child dossiers. */
    TRANSFERRED,
    /** Received with documents scanned at the counter. */
    DIGITISED,
    /** Received with documents taken from the applicant's data store. */
    REUSED,
    /** With an electronic, signed result. */
    E_RESULTS,
    /** Whose electronic result went into the applicant's data store (applicants with an account). */
    RESULTS_TO_STORE,
    /** Whose fees were paid in full. */
    FEE_PAID,
    /** Paid through an online channel (gateway or bank transfer). */
    PAID_ONLINE,
    /** Money paid, in đồng. */
    AMOUNT,
    /** Money paid online, in đồng. */
    AMOUNT_ONLINE,
    /** Satisfaction ratings given. */
    RATINGS,
    /** Ratings with a criterion answered "không hài lòng". */
    RATINGS_UNSATISFIED,
    /** Petitions (phản ánh, kiến nghị) received. */
    PETITIONS,
    /** Petitions about a particular dossier. */
    PETITIONS_ON_DOSSIERS,
    /** Petitions answered or refused. */
    PETITIONS_CLOSED,
    /** Petitions closed within their deadline. */
    PETITIONS_ON_TIME,
    /** Petitions whose sender said whether they were satisfied. */
    PETITIONS_RATED,
    PETITIONS_SATISFIED;

    /** The read model's column. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
