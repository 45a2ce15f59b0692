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

    /** Changed here: forget the tree once the change is committed (other nodes hear of it through the cluster). */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void forgetAgencies(OrganizationChanged change) {
        cache.invalidateAll();
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

    /** Everyone whose staff record is at this agency (not below it), by username. */
    public List<StaffMember> staffOf(String agencyCode) {
        return staffOf(List.of(agencyCode));
    }

    /** Every counter, by agency then number. */
    public List<Counter> allCounters() {
        return repository.findAllCounters();
    }

    /** Every staff record, by agency then username. */
    public List<StaffMember> allStaff() {
        return repository.findAllStaff();
    }

    /** The staff records of the agencies, by agency then username. */
    public List<StaffMember> staffOf(java.util.Collection<String> agencyCodes) {
        return repository.findStaffOf(agencyCodes);
    }

    /**
     * The agency that does the work of this one today: itself while it exists, else the end of its successor chain
     * (a merged commune's successor may itself have been merged since). An agency without a successor stays itself.
     */
    public String currentSuccessor(String code) {
        return currentSuccessor(code, agenciesByCode());
    }

    private static String currentSuccessor(String code, Map<String, Agency> byCode) {
        String current = code;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Agency a = byCode.get(current); a != null && a.successorCode() != null && seen.add(a.code());
             a = byCode.get(current)) {
            current = a.successorCode();
        }
        return current;
    }

    /**
     * The codes whose figures count under an agency in reports: its subtree, and every agency merged (directly or
     * down a chain) into one of them, with their own subtrees. An old dossier keeps its original agency; this is how
     * its figures follow the successor.
     */
    public List<String> reportingCodes(String code) {
        List<String> codes = new ArrayList<>(subtree(code).stream().map(Agency::code).toList());
        java.util.Set<String> inScope = new java.util.HashSet<>(codes);
        Map<String, Agency> byCode = agenciesByCode();
        for (Agency a : agencies()) {
            if (!inScope.contains(a.code()) && a.successorCode() != null
                    && inScope.contains(currentSuccessor(a.code(), byCode))) {
                for (Agency merged : subtree(a.code())) {
                    if (inScope.add(merged.code())) {
                        codes.add(merged.code());
                    }
                }
            }
        }
        return codes;
    }
}
