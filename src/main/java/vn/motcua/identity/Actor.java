package vn.motcua.identity;

import java.util.Set;

/**
 * Who is acting on dossiers: a signed-in applicant, or an official with their roles and the one agency they work
 * for. Officials see and act only within their agency and role.
 *
 * @param agencyCode the official's agency; null for applicants
 */
public record Actor(String username, String fullName, Set<Role> roles, String agencyCode) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean isOfficial() {
        return agencyCode != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
