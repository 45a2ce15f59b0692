package vn.motcua.identity;

import java.util.EnumSet;
import java.util.Set;

/** What a person is to the system. An account may hold several roles. */
public enum Role {
    CITIZEN(Permission.SUBMIT_DOSSIER),
    BUSINESS(Permission.SUBMIT_DOSSIER),
    RECEPTION(Permission.BACK_OFFICE, Permission.RECEIVE_DOSSIER, Permission.HANDLE_DOSSIER, Permission.CERTIFY_COPY),
    SPECIALIST(Permission.BACK_OFFICE, Permission.HANDLE_DOSSIER),
    LEADER(Permission.BACK_OFFICE, Permission.HANDLE_DOSSIER, Permission.APPROVE_DOSSIER, Permission.VIEW_REPORTS,
            Permission.CERTIFY_COPY),
    AGENCY_ADMIN(Permission.BACK_OFFICE, Permission.PROCESS_MANAGE, Permission.CALENDAR_MANAGE,
            Permission.VIEW_REPORTS, Permission.AUDIT_VIEW, Permission.ORGANIZATION_MANAGE, Permission.ACCOUNT_MANAGE),
    PROVINCE_ADMIN(Permission.BACK_OFFICE, Permission.CATALOG_MANAGE, Permission.PROCESS_MANAGE,
            Permission.CALENDAR_MANAGE, Permission.VIEW_REPORTS, Permission.REBUILD_REPORTS, Permission.AUDIT_VIEW,
            Permission.ORGANIZATION_MANAGE, Permission.ACCOUNT_MANAGE,
            Permission.NOTIFICATION_MANAGE, Permission.NATIONAL_LAYER_MANAGE);

    private final Set<Permission> permissions;

    Role(Permission first, Permission... rest) {
        this.permissions = EnumSet.of(first, rest);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isStaff() {
        return permissions.contains(Permission.BACK_OFFICE);
    }
}
