package vn.motcua.identity.internal;

import java.util.Set;

import vn.motcua.identity.Role;

/** An account as its administrators see it. */
public record ManagedAccount(long id, String username, String fullName, String email, String phone, Set<Role> roles,
                             boolean enabled, boolean mustChangePassword) {

    /** A citizen's or business's account: it registered itself, and holds no official role. */
    public boolean applicant() {
        return roles.stream().noneMatch(Role::isStaff);
    }
}
