package vn.motcua.dossier;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import vn.motcua.dossier.internal.AssignmentRepository;
import vn.motcua.dossier.internal.Dossier;
import vn.motcua.dossier.internal.DossierRepository;
import vn.motcua.identity.AccountProfile;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.identity.Role;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffMember;
import vn.motcua.workflow.Deadlines;
import vn.motcua.workflow.Timeliness;
import vn.motcua.workflow.WorkingCalendar;

/**
 * Which dossiers an official should be reminded of on a morning: those on their desk due by the end of the next
 * working day of the agency's calendar ({@link Timeliness#DUE_SOON}) and those overdue, and for a leader also the
 * agency's other overdue dossiers. Dossiers waiting for the applicant's supplement are left out: their clock stands.
 */
@Service
public class DeadlineDigests {

    /** The statuses in which the deadline runs and an official has something to do. */
    private static final List<String> RUNNING = List.of(DossierStatus.RECEIVED.name(), DossierStatus.PROCESSING.name());
    /** Covers the longest run of days off (Tết) between today and the next working day. */
    private static final int HORIZON_DAYS = 21;
    private static final int MAX_ROWS = 20_000;

    private final DossierRepository dossiers;
    private final DossierPolicies policies;
    private final DossierViews views;
    private final Deadlines deadlines;
    private final WorkingCalendar calendar;
    private final OrganizationService organization;
    private final AccountService accounts;
    private final AssignmentRepository assignments;
    private final Clock clock;

    DeadlineDigests(DossierRepository dossiers, DossierPolicies policies, DossierViews views, Deadlines deadlines,
                    WorkingCalendar calendar, OrganizationService organization, AccountService accounts,
                    AssignmentRepository assignments, Clock clock) {
        this.dossiers = dossiers;
        this.assignments = assignments;
        this.policies = policies;
        this.views = views;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.organization = organization;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The signed-in official's digest now, for the back office's panel; empty for anyone who is not an official. */
    public DeadlineDigest of(Actor official) {
        Instant now = clock.instant();
        if (!official.isOfficial()) {
            return new DeadlineDigest(official.username(), official.fullName(), null, null, today(now), List.of(),
                    List.of(), List.of());
        }
        List<Dossier> pending = pendingAt(official.agencyCode(), now);
        return digest(official, null, now, pending, assigneesOf(pending));
    }

    /**
     * The officials to remind at {@code now}: those with a non-empty digest whose agency works today, by username.
     * Empty on a day off.
     */
    public List<String> officialsToRemind(Instant now) {
        Map<String, List<Dossier>> byAgency = pendingAt(null, now).stream()
                .collect(Collectors.groupingBy(Dossier::currentAgency, LinkedHashMap::new, Collectors.toList()));
        Set<String> officials = new LinkedHashSet<>();
        byAgency.forEach((agency, pending) -> {
            if (!calendar.isWorkingDay(today(now), agency)) {
                return;
            }
            Map<Long, String> assignees = assigneesOf(pending);
            for (StaffMember staff : organization.staffOf(agency)) {
                official(staff).filter(o -> !digest(o, null, now, pending, assignees).isEmpty())
                        .ifPresent(o -> officials.add(o.username()));
            }
        });
        return List.copyOf(officials);
    }

    /**
     * The digest of one official at {@code now}, with their email address, for the morning reminder; empty when the
     * username is no longer an official with a staff record.
     */
    public Optional<DeadlineDigest> of(String username, Instant now) {
        Optional<StaffMember> staff = organization.staffMember(username);
        Optional<Actor> official = staff.flatMap(this::official);
        if (official.isEmpty()) {
            return Optional.empty();
        }
        String email = accounts.profile(username).map(AccountProfile::email).orElse(null);
        List<Dossier> pending = pendingAt(official.get().agencyCode(), now);
        return Optional.of(digest(official.get(), email, now, pending, assigneesOf(pending)));
    }

    /**
     * Whether a dossier is this official's to act on: the one place that decides it for reminders. A dossier at their
     * agency at a step of their role, unless it is assigned by name to someone else.
     */
    private boolean isTheirs(Dossier dossier, Actor official, Map<Long, String> assignees) {
        String assignee = assignees.get(dossier.id());
        return policies.isOnMyDesk(dossier, official) && (assignee == null || assignee.equals(official.username()));
    }

    private Map<Long, String> assigneesOf(List<Dossier> pending) {
        return assignments.assignees(pending.stream().map(Dossier::id).toList());
    }

    private DeadlineDigest digest(Actor official, String email, Instant now, List<Dossier> pending,
                                  Map<Long, String> assignees) {
        List<DossierSummary> dueSoon = new ArrayList<>();
        List<DossierSummary> overdue = new ArrayList<>();
        List<DossierSummary> agencyOverdue = new ArrayList<>();
        boolean leader = official.has(Role.LEADER);
        for (Dossier d : pending) {
            if (!official.agencyCode().equals(d.currentAgency())) {
                continue;
            }
            Timeliness t = deadlines.classifyPending(d.dueAt(), now, d.competentAgency());
            boolean theirs = isTheirs(d, official, assignees);
            if (t == Timeliness.DUE_SOON && theirs) {
                dueSoon.add(views.summary(d));
            } else if (t == Timeliness.OVERDUE && theirs) {
                overdue.add(views.summary(d));
            } else if (t == Timeliness.OVERDUE && leader) {
                agencyOverdue.add(views.summary(d));
            }
        }
        return new DeadlineDigest(official.username(), official.fullName(), email, official.agencyCode(), today(now),
                dueSoon, overdue, agencyOverdue);
    }

    /** Running dossiers (at one agency, or everywhere) due early enough to be due soon or overdue, soonest first. */
    private List<Dossier> pendingAt(String agency, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("statuses", RUNNING);
        params.put("horizon", Timestamp.from(now.plus(java.time.Duration.ofDays(HORIZON_DAYS))));
        String where = "status in (:statuses) and due_at is not null and due_at <= :horizon";
        if (agency != null) {
            where += " and current_agency = :agency";
            params.put("agency", agency);
        }
        return dossiers.search(where, params, "order by due_at, id limit " + MAX_ROWS).stream()
                .sorted(Comparator.comparing(Dossier::dueAt)).toList();
    }

    /**
     * The staff member as an official acting on dossiers, as {@code identity.Actors} makes the signed-in one; empty for a
     * disabled account or one without an official role.
     */
    private Optional<Actor> official(StaffMember staff) {
        if (!accounts.isEnabled(staff.username())) {
            return Optional.empty(); // a disabled account is nobody's desk any more
        }
        Set<Role> roles = accounts.roles(staff.username());
        if (roles.stream().noneMatch(r -> r.permissions().contains(Permission.HANDLE_DOSSIER))) {
            return Optional.empty();
        }
        String name = accounts.profile(staff.username()).map(AccountProfile::fullName).orElse(staff.username());
        return Optional.of(new Actor(staff.username(), name, roles, staff.agencyCode()));
    }

    private static LocalDate today(Instant now) {
        return now.atZone(WorkingCalendar.ZONE).toLocalDate();
    }
}
