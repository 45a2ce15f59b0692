package vn.motcua.workflow;

/** What an official may do to a dossier at a step of its process. */
public enum StepAction {
    /** Hand the dossier to the next step. */
    FORWARD,
    /** Return the dossier to the previous step, with a note. */
    SEND_BACK,
    /** Ask the applicant to add to or correct the dossier (form 02); the clock stops. */
    REQUEST_SUPPLEMENT,
    /** Refuse reception at the first step (form 03) or stop handling later (form 05). */
    REFUSE,
    /** A leader approves and hands the dossier to the next step. */
    APPROVE,
    /** Issue the result document; the dossier waits to be returned. */
    ISSUE_RESULT,
    /** Send the dossier to another agency for its part (liên thông). */
    TRANSFER
}
