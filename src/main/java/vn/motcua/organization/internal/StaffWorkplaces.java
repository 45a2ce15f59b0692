package vn.motcua.organization.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.motcua.identity.Workplaces;
import vn.motcua.organization.StaffMember;

/** Answers identity's question "where does this account work" from the staff records. */
@Component
class StaffWorkplaces implements Workplaces {

    private final OrganizationRepository repository;

    StaffWorkplaces(OrganizationRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<String> agencyOf(String username) {
        return repository.findStaff(username).map(StaffMember::agencyCode);
    }
}
