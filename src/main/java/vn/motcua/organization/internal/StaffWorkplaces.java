package vn.motcua.organization.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.identity.Role;
import vn.motcua.identity.Workplaces;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffMember;
import vn.motcua.platform.web.VietnamTime;

/** Answers identity's questions "where does this account work" and "who works within this agency" from staff records. */
@Component
class StaffWorkplaces implements Workplaces {

    private final OrganizationRepository repository;
    private final Clock clock;
    private final OrganizationService organization;
    private final JdbcClient jdbc;

    StaffWorkplaces(OrganizationRepository repository, OrganizationService organization, JdbcClient jdbc, Clock clock) {
        this.repository = repository;
        this.organization = organization;
        this.jdbc = jdbc;
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

    @Override
    public boolean worksWithin(String username, String agencyCode) {
        Optional<String> agency = agencyOf(username);
        return agency.isPresent() && subtreeCodes(agencyCode).contains(agency.get());
    }

    @Override
    public Set<String> staffWithin(String agencyCode) {
        Set<String> codes = subtreeCodes(agencyCode);
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select username from staff where agency_code = any(?)")
                .param(codes.toArray(String[]::new)).query(String.class).list());
    }

    @Override
    public void placeNewStaff(String username, String agencyCode, String title) {
        jdbc.sql("insert into staff (username, agency_code, title) values (?, ?, ?) on conflict (username) do nothing")
                .params(username, agencyCode, title).update();
    }

    private Set<String> subtreeCodes(String agencyCode) {
        Set<String> codes = new HashSet<>();
        organization.subtree(agencyCode).stream().map(Agency::code).forEach(codes::add);
        return codes;
    }
}
