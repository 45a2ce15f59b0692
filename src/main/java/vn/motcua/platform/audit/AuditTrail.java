package vn.motcua.platform.audit;

/**
 * The audit trail, as every module records into it: who (the signed-in account, its roles and agency, or the
 * system), did what, to which subject and whose personal data, from where and with which outcome. The audit module
 * implements it and fills in who, when and from where itself.
 *
 * <p>It lives in {@code platform} rather than in {@code audit} because the audit module listens to the events of
 * the dossier, payment, feedback and catalog modules: if those modules also called into {@code audit}, the modules
 * would depend on each other in a cycle. Here each side depends only on {@code platform}.
 *
 * <p>An entry is written in the caller's transaction when there is one (it exists exactly when the change does),
 * else in its own, before the call returns: a read is on record before its data leaves.
 */
public interface AuditTrail {

    /**
     * Records one entry.
     *
     * @param subject     what was touched, e.g. a dossier code, {@code <code>/tep/<id>}, a procedure code
     * @param dataSubject whose personal data it is: the account's username, or {@code cccd:<ID number>} for an
     *                    applicant without an account; null when no person's data is involved
     * @param detail      a short free text (a form number, a reason), never personal data beyond the subject
     */
    void record(AuditAction action, String subject, String dataSubject, AuditOutcome outcome, String detail);

    /** A read of personal data that was served. */
    default void read(AuditAction action, String subject, String dataSubject) {
        record(action, subject, dataSubject, AuditOutcome.OK, null);
    }

    /** A change that was made. */
    default void changed(AuditAction action, String subject, String detail) {
        record(action, subject, null, AuditOutcome.OK, detail);
    }

    /** The data subject of an applicant: their account, else their ID number; null when neither is known. */
    static String dataSubject(String username, String idNumber) {
        if (username != null && !username.isBlank()) {
            return username;
        }
        return idNumber == null || idNumber.isBlank() ? null : "cccd:" + idNumber.strip();
    }
}
