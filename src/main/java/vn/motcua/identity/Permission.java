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
    /** Create, edit, import and export procedures of the catalog. */
    CATALOG_MANAGE
}
