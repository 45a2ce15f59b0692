package vn.motcua.platform.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    OK,
    /** Refused: not allowed, wrong secret, locked account. */
    DENIED,
    /** Tried and failed: bad input, a wrong password. */
    FAILED
}
