package vn.motcua.dossier;

/**
 * Everything that can happen to a dossier after it is created. The state graph in
 * {@code internal.DossierLifecycle} says, for each, from which statuses it is allowed, who may take it and what
 * follows.
 */
public enum DossierAction {
    /** A reception officer accepts an online dossier (form 01). */
    RECEIVE,
    FORWARD,
    SEND_BACK,
    REQUEST_SUPPLEMENT,
    /** Refuse reception (form 03) or stop handling (form 05). */
    REFUSE,
    APPROVE,
    ISSUE_RESULT,
    TRANSFER,
    /** Hand the result to the applicant: at the counter, online or by post. */
    RETURN_RESULT,
    /** Apologise for a delay and set a new appointment (form 04). */
    APOLOGIZE,
    /** The applicant withdraws the dossier before a result. */
    WITHDRAW,
    /** The applicant sends what was asked for; the clock restarts. */
    SUPPLEMENT
}
