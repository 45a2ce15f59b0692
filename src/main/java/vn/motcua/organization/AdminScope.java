package vn.motcua.organization;

import java.util.Set;

import vn.motcua.identity.Role;
import vn.motcua.identity.RoleGrants;

/**
 * What an administrator may change in the organisation: a province administrator everything; an agency administrator
 * the subtree of its own agency (its staff record's), and only the roles it administers.
 *
 * @param agencyCodes the agencies it manages; ignored for the whole province
 * @param homeAgency  the agency at the top of its subtree; null for the whole province
 */
public record AdminScope(String username, Set<Role> roles, boolean wholeProvince, Set<String> agencyCodes,
                         String homeAgency) {

    public boolean covers(String agencyCode) {
        return wholeProvince || (agencyCode != null && agencyCodes.contains(agencyCode));
    }

    public Set<Role> grantable() {
        return RoleGrants.grantableBy(roles);
    }

    /** Whether it may change an account's roles from {@code before} to {@code after}. */
    public boolean mayGrant(Set<Role> before, Set<Role> after) {
        return RoleGrants.allows(roles, before, after);
    }
}
