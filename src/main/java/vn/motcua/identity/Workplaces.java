package vn.motcua.identity;

import java.util.Optional;

/**
 * Where an account works: the agency of its staff record. Implemented by the organisation module, which keeps staff
 * records; identity asks through this port so that it does not depend on the organisation.
 */
public interface Workplaces {

    /** The agency of the staff record of this username; empty for anyone without one. */
    Optional<String> agencyOf(String username);
}
