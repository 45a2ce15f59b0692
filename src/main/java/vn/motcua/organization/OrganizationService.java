package vn.motcua.organization;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import vn.motcua.organization.internal.OrganizationRepository;
import vn.motcua.platform.cache.LocalCache;
import vn.motcua.platform.cluster.ClusterChange;
import vn.motcua.platform.cluster.ClusterChanges;
import vn.motcua.platform.web.VietnamTime;

/** The way into the organisation module: agencies, their tree, counters and staff. */
@Service
public class OrganizationService {

    private final OrganizationRepository repository;
    private final Clock clock;
    private final LocalCache<Boolean, List<Agency>> cache = new LocalCache<>(Duration.ofMinutes(1), 1);

    OrganizationService(OrganizationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Agencies changed on another node, or in the database by hand followed by
     * {@code select pg_notify('motcua_changes', 'sql organization')}.
     */
    @EventListener
    void forgetAgencies(ClusterChange change) {
        if (change.is(ClusterChanges.ORGANIZATION)) {
            cache.invalidateAll();
        }
    }

    /** All agencies in tree order; cached, since nearly every page and dossier action reads them. */
    public List<Agency> agencies() {
        return cache.get(Boolean.TRUE, any -> repository.findAllAgencies());
    }

    /** Agencies that exist today, parents before children, siblings by name. */
    public List<Agency> activeAgencies() {
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        return agencies().stream().filter(a -> a.activeOn(today)).toList();
    }

    public Optional<Agency> agency(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(agenciesByCode().get(code));
    }

    public Map<String, Agency> agenciesByCode() {
        return agencies().stream().collect(Collectors.toMap(Agency::code, Function.identity()));
    }

    public List<Agency> activeCommunes() {
        return activeAgencies().stream().filter(a -> a.kind() == AgencyKind.COMMUNE)
                .sorted(Comparator.comparing(Agency::name)).toList();
    }

    /** The agency and all agencies below it, at any depth, parents before children; empty for an unknown code. */
    public List<Agency> subtree(String code) {
        List<Agency> tree = new ArrayList<>();
        agency(code).ifPresent(tree::add);
        for (int i = 0; i < tree.size(); i++) {
            String parent = tree.get(i).code();
            agencies().stream().filter(a -> parent.equals(a.parentCode())).forEach(tree::add);
        }
        return tree;
    }

    public List<Counter> counters(String agencyCode) {
        return repository.findCounters(agencyCode);
    }

    public Optional<StaffMember> staffMember(String username) {
        return repository.findStaff(username);
    }

    // Issue 15, the official's dossier page: the officials a dossier can be assigned to.
    /** The staff records of an agency (not of the agencies below it), by username. */
    public List<StaffMember> staffOf(String agencyCode) {
        return repository.findStaffOf(agencyCode);
    }
}
