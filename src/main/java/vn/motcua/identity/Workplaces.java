package vn.motcua.identity;

import java.util.Optional;
import java.util.Set;

/**
 * Where an account works: the agency of its staff record. Implemented by the organisation module, which keeps staff
 * records; identity asks through this port so that it does not depend on the organisation.
 */
public interface Workplaces {

    /** The agency of the staff record of this username; empty for anyone without one. */
    Optional<String> agencyOf(String username);

    /**
     * Roles the account holds today on top of its own: LEADER while its holder acts as leader of their agency
     * ("quyền trưởng / phụ trách"). Empty by default.
     */
    default Set<Role> actingRoles(String username) {
        return Set.of();
    }
}
