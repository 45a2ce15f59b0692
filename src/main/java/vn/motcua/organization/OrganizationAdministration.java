package vn.motcua.organization;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.identity.AccountService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.internal.OrganizationChangeRepository;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.cluster.ClusterChanges;
import vn.motcua.platform.web.UserFacingException;

/**
 * Changes to the organisation by its administrators: agencies, mergers, counters and staff. Every change is checked
 * against the administrator's {@link AdminScope}, recorded in the audit trail with its author, and announced to the
 * other nodes so that their cached tree is refreshed.
 */
@Service
public class OrganizationAdministration {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final OrganizationService organization;
    private final OrganizationChangeRepository changes;
    private final AccountService accounts;
    private final vn.motcua.identity.Workplaces workplaces;
    private final AuditTrail trail;
    private final ClusterChanges cluster;
    private final org.springframework.context.ApplicationEventPublisher events;

    OrganizationAdministration(OrganizationService organization, OrganizationChangeRepository changes,
                               AccountService accounts, vn.motcua.identity.Workplaces workplaces, AuditTrail trail,
                               ClusterChanges cluster,
                               org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.organization = organization;
        this.changes = changes;
        this.accounts = accounts;
        this.workplaces = workplaces;
        this.trail = trail;
        this.cluster = cluster;
    }

    /** What the signed-in administrator may change. */
    public AdminScope scopeOf(CurrentUser user) {
        if (user.roles().contains(Role.PROVINCE_ADMIN)) {
            return new AdminScope(user.getUsername(), user.roles(), true, Set.of(), null);
        }
        String home = user.roles().contains(Role.AGENCY_ADMIN)
                ? workplaces.agencyOf(user.getUsername()).orElse(null) : null;
        Set<String> codes = new HashSet<>();
        if (home != null) {
            organization.subtree(home).forEach(a -> codes.add(a.code()));
        }
        return new AdminScope(user.getUsername(), user.roles(), false, codes, home);
    }

    /** The agency, when the administrator may manage it; else 404, as if it did not exist. */
    public Agency agencyInScope(AdminScope scope, String code) {
        return organization.agency(code).filter(a -> scope.covers(a.code()))
                .orElseThrow(() -> UserFacingException.notFound("org.agency.notFound", code));
    }

    // ------------------------------------------------------------------ agencies

    @Transactional
    public void saveAgency(AdminScope scope, Agency agency, boolean isNew) {
        Map<String, Agency> known = organization.agenciesByCode();
        Agency before = agency.code() == null ? null : known.get(agency.code());
        if (isNew && before != null) {
            throw new OrganizationProblem("org.agency.duplicate", agency.code());
        }
        if (!isNew && (before == null || !scope.covers(before.code()))) {
            throw UserFacingException.notFound("org.agency.notFound", agency.code());
        }
        checkAgency(scope, agency, before, known);
        changes.saveAgency(agency);
        trail.changed(AuditAction.AGENCY_SAVED, agency.code(), (isNew ? "new " : "") + agency.kind()
                + " under " + agency.parentCode());
        announce(ClusterChanges.ORGANIZATION);
    }

    /** Saves an agency of an import that {@link #checkAgency} accepted; the caller announces the import once. */
    public void saveImportedAgency(Agency agency) {
        changes.saveAgency(agency);
        trail.changed(AuditAction.AGENCY_SAVED, agency.code(), "imported " + agency.kind() + " under " + agency.parentCode());
    }

    /**
     * Checks one agency against the tree {@code known} (the agencies saved so far and, for an import, those of its
     * rows): a code, a name, an existing parent without a cycle, valid dates and email, within the scope.
     * {@code before} is the saved agency of that code, null for a new one.
     */
    public void checkAgency(AdminScope scope, Agency a, Agency before, Map<String, Agency> known) {
        if (a.code() == null || !CODE.matcher(a.code()).matches()) {
            throw new OrganizationProblem("org.agency.badCode", String.valueOf(a.code()));
        }
        if (before != null && !scope.covers(before.code())) {
            throw OrganizationProblem.outOfScope("org.scope.agency", a.code());
        }
        if (a.name() == null || a.name().isBlank()) {
            throw new OrganizationProblem("org.agency.nameRequired");
        }
        if (a.kind() == null) {
            throw new OrganizationProblem("org.agency.badKind", "");
        }
        boolean homeAgency = a.code().equals(scope.homeAgency());
        if (a.parentCode() == null) {
            if (!scope.wholeProvince() && !(homeAgency && before != null && before.parentCode() == null)) {
                throw OrganizationProblem.outOfScope("org.scope.parent", "—");
            }
        } else if (!known.containsKey(a.parentCode())) {
            throw new OrganizationProblem("org.agency.unknownParent", a.parentCode());
        } else if (homeAgency && before != null && !a.parentCode().equals(before.parentCode())) {
            throw OrganizationProblem.outOfScope("org.scope.parent", a.parentCode());
        } else if (!homeAgency && !scope.covers(a.parentCode())) {
            throw OrganizationProblem.outOfScope("org.scope.parent", a.parentCode());
        }
        int steps = 0;
        for (String p = a.parentCode(); p != null; p = known.containsKey(p) ? known.get(p).parentCode() : null) {
            if (p.equals(a.code()) || ++steps > known.size()) {
                throw new OrganizationProblem("org.agency.cycle", a.parentCode());
            }
        }
        if (a.effectiveFrom() == null) {
            throw new OrganizationProblem("org.agency.fromRequired");
        }
        if (a.effectiveTo() != null && a.effectiveTo().isBefore(a.effectiveFrom())) {
            throw new OrganizationProblem("org.dates.order");
        }
        if (a.email() != null && !EMAIL.matcher(a.email()).matches()) {
            throw new OrganizationProblem("org.badEmail", a.email());
        }
        if (a.successorCode() != null && !known.containsKey(a.successorCode())) {
            throw new OrganizationProblem("org.agency.unknownSuccessor", a.successorCode());
        }
    }

    /**
     * A merger ("sáp nhập"): the agencies end on {@code lastDay} and name the successor; they keep their rows, their
     * dossiers keep them, and reports count them under the successor.
     */
    @Transactional
    public void merge(AdminScope scope, List<String> merged, String successorCode, java.time.LocalDate lastDay) {
        if (merged.isEmpty()) {
            throw new OrganizationProblem("org.merge.noneChosen");
        }
        if (lastDay == null) {
            throw new OrganizationProblem("org.merge.dateRequired");
        }
        Agency successor = agencyInScope(scope, successorCode);
        for (String code : merged) {
            Agency old = agencyInScope(scope, code);
            if (code.equals(successor.code()) || organization.currentSuccessor(successor.code()).equals(code)) {
                throw new OrganizationProblem("org.merge.self", code);
            }
            if (old.code().equals(scope.homeAgency())) {
                throw OrganizationProblem.outOfScope("org.scope.parent", code);
            }
            if (lastDay.isBefore(old.effectiveFrom())) {
                throw new OrganizationProblem("org.dates.order");
            }
        }
        changes.merge(merged, successor.code(), lastDay);
        trail.changed(AuditAction.AGENCIES_MERGED, successor.code(), String.join(", ", merged) + " until " + lastDay);
        announce(ClusterChanges.ORGANIZATION);
    }

    // ------------------------------------------------------------------ counters

    @Transactional
    public void addCounter(AdminScope scope, String agencyCode, Integer number, String name) {
        Agency agency = agencyInScope(scope, agencyCode);
        if (number == null || number < 1 || number > 999) {
            throw new OrganizationProblem("org.counter.badNumber");
        }
        if (name == null || name.isBlank()) {
            throw new OrganizationProblem("org.counter.nameRequired");
        }
        if (organization.counters(agency.code()).stream().anyMatch(c -> c.number() == number)) {
            throw new OrganizationProblem("org.counter.duplicate", number);
        }
        long id = changes.addCounter(agency.code(), number, name.strip());
        trail.changed(AuditAction.COUNTER_SAVED, agency.code() + "/quay/" + id, "new " + number);
        announce("counter");
    }

    /**
     * A counter a staff row of an import names at an agency that has no counter of that number yet: created with the
     * import (checked by the import's plan), audited, announced once by the import at its end.
     */
    public void addImportedCounter(String agencyCode, int number, String name) {
        long id = changes.addCounter(agencyCode, number, name);
        trail.changed(AuditAction.COUNTER_SAVED, agencyCode + "/quay/" + id, "new " + number + " (import)");
    }

    @Transactional
    public void renameCounter(AdminScope scope, String agencyCode, long id, String name) {
        Counter counter = counterInScope(scope, agencyCode, id);
        if (name == null || name.isBlank()) {
            throw new OrganizationProblem("org.counter.nameRequired");
        }
        changes.renameCounter(counter.id(), name.strip());
        trail.changed(AuditAction.COUNTER_SAVED, agencyCode + "/quay/" + id, "renamed");
        announce("counter");
    }

    @Transactional
    public void removeCounter(AdminScope scope, String agencyCode, long id) {
        Counter counter = counterInScope(scope, agencyCode, id);
        if (changes.counterInUse(counter.id())) {
            throw new OrganizationProblem("org.counter.inUse", counter.number());
        }
        changes.removeCounter(counter.id());
        trail.changed(AuditAction.COUNTER_SAVED, agencyCode + "/quay/" + id, "removed " + counter.number());
        announce("counter");
    }

    private Counter counterInScope(AdminScope scope, String agencyCode, long id) {
        Agency agency = agencyInScope(scope, agencyCode);
        return organization.counters(agency.code()).stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> UserFacingException.notFound("org.counter.notFound", id));
    }

    // ------------------------------------------------------------------ staff

    /** Adds or changes an official: creates the account when new, sets its roles and its staff record. */
    @Transactional
    public void saveStaff(AdminScope scope, StaffChange change) {
        StaffMember record = checkStaff(scope, change, organization.agenciesByCode(),
                organization.counters(change.agencyCode()));
        applyStaff(change, record);
    }

    /**
     * Checks an official's change and returns the staff record it leads to. {@code counters} are the agency's; the
     * agency must be in scope, and so must the agency the official works at now.
     */
    public StaffMember checkStaff(AdminScope scope, StaffChange c, Map<String, Agency> known, List<Counter> counters) {
        if (c.username() == null || !USERNAME.matcher(c.username()).matches()) {
            throw new OrganizationProblem("org.staff.badUsername", String.valueOf(c.username()));
        }
        if (c.agencyCode() == null || !known.containsKey(c.agencyCode())) {
            throw new OrganizationProblem("org.staff.unknownAgency", String.valueOf(c.agencyCode()));
        }
        if (!scope.covers(c.agencyCode())) {
            throw OrganizationProblem.outOfScope("org.scope.staff", c.agencyCode());
        }
        organization.staffMember(c.username()).filter(s -> !scope.covers(s.agencyCode())).ifPresent(s -> {
            throw OrganizationProblem.outOfScope("org.scope.staff", s.agencyCode());
        });
        if (c.title() == null || c.title().isBlank()) {
            throw new OrganizationProblem("org.staff.titleRequired");
        }
        boolean exists = accounts.exists(c.username());
        if (!exists && (c.fullName() == null || c.fullName().isBlank())) {
            throw new OrganizationProblem("org.staff.nameRequired");
        }
        if (!exists && c.email() != null && !EMAIL.matcher(c.email()).matches()) {
            throw new OrganizationProblem("org.badEmail", c.email());
        }
        Set<Role> before = exists ? accounts.roles(c.username()) : EnumSet.noneOf(Role.class);
        Set<Role> after = c.roles() == null || c.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(c.roles());
        if (after.isEmpty()) {
            throw new OrganizationProblem("org.staff.rolesRequired");
        }
        if (!scope.mayGrant(before, after)) {
            Set<Role> changed = EnumSet.copyOf(after);
            changed.addAll(before);
            changed.removeIf(r -> before.contains(r) && after.contains(r));
            changed.removeAll(scope.grantable());
            throw new OrganizationProblem("org.staff.roleNotGrantable", changed.iterator().next().name());
        }
        Long counterId = null;
        if (c.counterNumber() != null) {
            counterId = counters.stream().filter(k -> k.number() == c.counterNumber()).map(Counter::id).findFirst()
                    .orElseThrow(() -> new OrganizationProblem("org.staff.unknownCounter", c.counterNumber()));
        }
        if ((c.actingFrom() == null) != (c.actingTo() == null)) {
            throw new OrganizationProblem("org.staff.actingBothDates");
        }
        if (c.actingFrom() != null && c.actingTo().isBefore(c.actingFrom())) {
            throw new OrganizationProblem("org.dates.order");
        }
        return new StaffMember(c.username(), c.agencyCode(), c.title().strip(), counterId, c.actingFrom(), c.actingTo());
    }

    /** Writes a checked change: the account (created or its roles set) and the staff record; audited, announced. */
    public void applyStaff(StaffChange change, StaffMember record) {
        applyImportedStaff(change, record);
        announce(ClusterChanges.ORGANIZATION);
    }

    /** Writes a checked change of an import, audited; the import announces itself once at its end. */
    public void applyImportedStaff(StaffChange change, StaffMember record) {
        if (!accounts.exists(change.username())) {
            accounts.createStaffAccount(change.username(), change.fullName().strip(), blankToNull(change.email()),
                    blankToNull(change.phone()), change.roles());
        } else if (!accounts.roles(change.username()).equals(EnumSet.copyOf(change.roles()))) {
            accounts.setRoles(change.username(), change.roles());
        }
        changes.saveStaff(record);
        trail.changed(AuditAction.STAFF_SAVED, change.username(), record.agencyCode() + " " + change.roles()
                + (record.actingFrom() == null ? "" : " acting " + record.actingFrom() + ".." + record.actingTo()));
    }

    /** Tells this node (after commit) and the others that the organisation changed. */
    public void announce(String what) {
        events.publishEvent(new OrganizationChanged(what));
        cluster.announce(ClusterChanges.ORGANIZATION);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Whether two agencies differ in what an administrator edits. */
    public static boolean sameAgency(Agency a, Agency b) {
        return Objects.equals(a, b);
    }
}
