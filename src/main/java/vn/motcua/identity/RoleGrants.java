package vn.motcua.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which roles an administrator may grant or take away. An administrator never grants a role they do not administer: a
 * province administrator grants every official role, an agency administrator the roles of their agency's officials
 * and their own, never the province's. Applicant roles are never granted: applicants register themselves.
 */
public final class RoleGrants {

    private static final Set<Role> AGENCY_ROLES =
            EnumSet.of(Role.RECEPTION, Role.SPECIALIST, Role.LEADER, Role.AGENCY_ADMIN);

    private RoleGrants() {
    }

    /** The roles someone holding these roles may grant; empty for anyone who is not an administrator. */
    public static Set<Role> grantableBy(Set<Role> administratorRoles) {
        if (administratorRoles.contains(Role.PROVINCE_ADMIN)) {
            Set<Role> all = EnumSet.copyOf(AGENCY_ROLES);
            all.add(Role.PROVINCE_ADMIN);
            return all;
        }
        return administratorRoles.contains(Role.AGENCY_ADMIN) ? EnumSet.copyOf(AGENCY_ROLES) : EnumSet.noneOf(Role.class);
    }

    /**
     * Whether changing an account's roles from {@code before} to {@code after} stays within what the administrator may
     * grant: every role added or removed must be grantable (an agency administrator cannot strip a province
     * administrator's role either).
     */
    public static boolean allows(Set<Role> administratorRoles, Set<Role> before, Set<Role> after) {
        Set<Role> grantable = grantableBy(administratorRoles);
        Set<Role> changed = EnumSet.noneOf(Role.class);
        after.stream().filter(r -> !before.contains(r)).forEach(changed::add);
        before.stream().filter(r -> !after.contains(r)).forEach(changed::add);
        return grantable.containsAll(changed);
    }
}
