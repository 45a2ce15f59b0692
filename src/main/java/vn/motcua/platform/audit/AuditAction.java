package vn.motcua.platform.audit;

/**
 * What an audit entry records. Reads of personal data are the ones a citizen sees on "Ai đã xem dữ liệu của tôi".
 */
public enum AuditAction {
    // reads of personal data
    DOSSIER_VIEWED(Kind.READ),
    FILE_DOWNLOADED(Kind.READ),
    FORM_PRINTED(Kind.READ),
    WALLET_DOCUMENT_DOWNLOADED(Kind.READ),
    TRACKING_LOOKUP(Kind.READ),
    DOSSIER_LIST_EXPORTED(Kind.READ),
    // changes
    DOSSIER_SUBMITTED(Kind.CHANGE),
    DOSSIER_RECEIVED(Kind.CHANGE),
    DOSSIER_STEP_COMPLETED(Kind.CHANGE),
    DOSSIER_SUPPLEMENT_REQUESTED(Kind.CHANGE),
    DOSSIER_SUPPLEMENTED(Kind.CHANGE),
    DOSSIER_TRANSFERRED(Kind.CHANGE),
    DOSSIER_REFUSED(Kind.CHANGE),
    DOSSIER_WITHDRAWN(Kind.CHANGE),
    DOSSIER_RETURNED(Kind.CHANGE),
    APOLOGY_ISSUED(Kind.CHANGE),
    RESULT_READY(Kind.CHANGE),
    RESULT_REVOKED(Kind.CHANGE),
    PAYMENT_COMPLETED(Kind.CHANGE),
    RATING_GIVEN(Kind.CHANGE),
    PETITION_RECEIVED(Kind.CHANGE),
    PETITION_CLOSED(Kind.CHANGE),
    PETITION_RATED(Kind.CHANGE),
    CATALOG_CHANGED(Kind.CHANGE),
    PROCEDURE_SAVED(Kind.CHANGE),
    CATALOG_IMPORTED(Kind.CHANGE),
    PROCESS_SAVED(Kind.CHANGE),
    CALENDAR_CHANGED(Kind.CHANGE),
    WALLET_DOCUMENT_DELETED(Kind.CHANGE),
    REPORTS_REBUILT(Kind.CHANGE),
    // Certified copies: a copy certified into the book, a signed copy downloaded, a book viewed or printed
    COPY_CERTIFIED(Kind.CHANGE),
    CERTIFIED_COPY_DOWNLOADED(Kind.READ),
    CERTIFICATION_BOOK_VIEWED(Kind.READ),
    // Notification templates: an administrator saved a template or restored its default
    NOTIFICATION_TEMPLATE_SAVED(Kind.CHANGE),
    // Organisation: agencies, mergers, counters, staff and their import
    AGENCY_SAVED(Kind.CHANGE),
    AGENCIES_MERGED(Kind.CHANGE),
    COUNTER_SAVED(Kind.CHANGE),
    STAFF_SAVED(Kind.CHANGE),
    ORGANIZATION_IMPORTED(Kind.CHANGE),
    // The official's dossier page, reception and assignment
    DOSSIER_ASSIGNED(Kind.CHANGE),
    // Accounts: first start and account administration
    ACCOUNT_CREATED(Kind.CHANGE),
    ACCOUNT_CHANGED(Kind.CHANGE),
    ACCOUNT_DISABLED(Kind.CHANGE),
    ACCOUNT_ENABLED(Kind.CHANGE),
    ACCOUNT_UNLOCKED(Kind.CHANGE),
    PASSWORD_LINK_SENT(Kind.CHANGE),
    PASSWORD_CHANGED(Kind.CHANGE),
    FIRST_ADMIN_CREATED(Kind.CHANGE),
    // National portal status sync (issue 16): an administrator sent a status message, or all failed ones, again
    NATIONAL_SYNC_RESENT(Kind.CHANGE),
    NATIONAL_SYNC_RESENT_ALL(Kind.CHANGE),
    // Issue 16, national catalog: a fetch from the national procedure database previewed, and its difference applied
    NATIONAL_CATALOG_FETCHED(Kind.CHANGE),
    NATIONAL_CATALOG_APPLIED(Kind.CHANGE),
    // Issue 16, national identity sign-in: a provider's identity linked to an account (its sign-ins are LOGIN)
    IDENTITY_LINKED(Kind.CHANGE),
    // Issue 16, intake from the national portal: a national dossier received or refused; its list viewed
    NATIONAL_DOSSIER_RECEIVED(Kind.CHANGE),
    NATIONAL_DOSSIER_REFUSED(Kind.CHANGE),
    NATIONAL_INTAKE_VIEWED(Kind.READ),
    // Population database part: a lookup in the national population database (personal data, the applicant's), the
    // residence address taken from it onto a draft, an official's re-run of a pending check, a counter note
    POPULATION_LOOKUP(Kind.READ),
    POPULATION_ADDRESS_READ(Kind.READ),
    POPULATION_CHECK_RERUN(Kind.CHANGE),
    POPULATION_CHECK_NOTED(Kind.CHANGE),
    // security
    LOGIN(Kind.SECURITY),
    ACCESS_DENIED(Kind.SECURITY),
    AUDIT_VERIFIED(Kind.SECURITY),
    AUDIT_EXPORTED(Kind.SECURITY);

    public enum Kind { READ, CHANGE, SECURITY }

    private final Kind kind;

    AuditAction(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
