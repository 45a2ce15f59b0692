package vn.motcua.workflow;

/** When a procedure's fees must be paid, as its process says. */
public enum PaymentStage {
    /** Before the dossier leaves reception: nothing is processed until it is paid. */
    BEFORE_PROCESSING,
    /** Any time before the result is handed over. */
    BEFORE_RETURN
}
