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
    /** Whether the staff record of this username is at this agency or one below it; false without a staff record. */
    boolean worksWithin(String username, String agencyCode);

    /** The usernames of every staff record at this agency or below it (an agency administrator's accounts). */
    Set<String> staffWithin(String agencyCode);

    /**
     * Gives a new account without a staff record one at this agency, with this title, so that the agency's
     * administrator who created it keeps seeing it; an existing staff record stays as it is.
     */
    void placeNewStaff(String username, String agencyCode, String title);
}
