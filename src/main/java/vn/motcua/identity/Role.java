package vn.motcua.identity;

import java.util.EnumSet;
import java.util.Set;

/** What a person is to the system. An account may hold several roles. */
public enum Role {
    CITIZEN(Permission.SUBMIT_DOSSIER),
    BUSINESS(Permission.SUBMIT_DOSSIER),
    RECEPTION(Permission.BACK_OFFICE),
    SPECIALIST(Permission.BACK_OFFICE),
    LEADER(Permission.BACK_OFFICE),
    AGENCY_ADMIN(Permission.BACK_OFFICE),
    PROVINCE_ADMIN(Permission.BACK_OFFICE, Permission.CATALOG_MANAGE);

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
