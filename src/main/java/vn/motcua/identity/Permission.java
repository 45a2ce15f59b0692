package vn.motcua.identity;

/**
 * What an endpoint requires. Endpoints name one permission; roles grant sets of them. The authority string is the
 * enum name, so a rule reads {@code hasAuthority(Permission.CATALOG_MANAGE.name())}.
 */
public enum Permission {
    /** Submit and follow one's own dossiers on the portal. */
    SUBMIT_DOSSIER,
    /** Enter the back office. */
    BACK_OFFICE,
    /** Receive dossiers at a counter, refuse reception, return results (within one's agency). */
    RECEIVE_DOSSIER,
    /**
     * See one's agency's dossiers, their files, forms and payments, and act on them at the steps of one's role. Only the
     * official roles hold it: administrators configure, they do not read dossiers unless also given an official role.
     */
    HANDLE_DOSSIER,
    /** Approve and sign results (within one's agency). */
    APPROVE_DOSSIER,
    /** Create, edit, import and export procedures of the catalog. */
    CATALOG_MANAGE,
    /** Edit the processes (steps, roles, durations) of procedures. */
    PROCESS_MANAGE,
    /** Edit the working-day calendar: holidays and make-up working days. */
    CALENDAR_MANAGE,
    /**
     * See the figures of one's agency (and those below it), or of the province; the dossiers behind them also need
     * {@link #HANDLE_DOSSIER}.
     */
    VIEW_REPORTS,
    /** Rebuild the reporting read model from its event history. */
    REBUILD_REPORTS,
    /** Search the audit trail and check its integrity (an agency administrator: the entries of their agency's subtree). */
    AUDIT_VIEW,
    /**
     * Manage agencies, counters and staff records (an agency administrator: only within their agency's subtree), and
     * import or export them.
     */
    ORGANIZATION_MANAGE,
    /**
     * Manage officials' accounts: create, disable, unlock, send a password link, and grant the roles of
     * {@link RoleGrants} (an agency administrator: only to staff of their agency's subtree).
     */
    ACCOUNT_MANAGE,
    /**
     * Certify electronic copies from originals at a commune's counter and keep its certification book (within one's
     * own commune).
     */
    CERTIFY_COPY,
    /** Edit the province's notification templates and read the whole delivery log (masked addresses, no bodies). */
    NOTIFICATION_MANAGE,
    /**
     * Watch and steer the connections to the national layer: dossiers refused from the national portal, the status
     * sync's backlog, failures and resends, the daily reconciliation, and the population checks' log.
     */
    NATIONAL_LAYER_MANAGE
}
