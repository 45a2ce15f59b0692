package vn.motcua.organization.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.motcua.identity.Role;
import vn.motcua.identity.Workplaces;
import vn.motcua.organization.StaffMember;
import vn.motcua.platform.web.VietnamTime;

/** Answers identity's question "where does this account work" from the staff records. */
@Component
class StaffWorkplaces implements Workplaces {

    private final OrganizationRepository repository;
    private final Clock clock;

    StaffWorkplaces(OrganizationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** LEADER while the official's acting period ("quyền trưởng / phụ trách") covers today, in Vietnam. */
    @Override
    public Set<Role> actingRoles(String username) {
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        return repository.findStaff(username).filter(s -> s.actingOn(today))
                .map(s -> (Set<Role>) EnumSet.of(Role.LEADER)).orElse(Set.of());
    }

    @Override
    public Optional<String> agencyOf(String username) {
        return repository.findStaff(username).map(StaffMember::agencyCode);
    }
}
