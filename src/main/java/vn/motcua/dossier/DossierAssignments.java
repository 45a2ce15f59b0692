package vn.motcua.dossier;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.internal.AssignmentRepository;
import vn.motcua.dossier.internal.Dossier;
import vn.motcua.dossier.internal.DossierRepository;
import vn.motcua.identity.AccountProfile;
import vn.motcua.identity.AccountService;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Role;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffMember;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.workflow.ProcessDefinition;
import vn.motcua.workflow.ProcessService;
import vn.motcua.workflow.ProcessStep;

/**
 * Who handles a dossier at its step: the desk it waits at (a role of an agency) and the named official of that role
 * it is assigned to, if any. The leader of the agency at that step or the receiving officer assigns it, or an
 * official of the step takes it ("Nhận xử lý"); moving the dossier to another step ends the assignment.
 */
@Service
public class DossierAssignments {

    private final DossierRepository dossiers;
    private final AssignmentRepository assignments;
    private final DossierPolicies policies;
    private final ProcessService processes;
    private final OrganizationService organization;
    private final AccountService accounts;
    private final AuditTrail trail;
    private final Clock clock;

    DossierAssignments(DossierRepository dossiers, AssignmentRepository assignments, DossierPolicies policies,
                       ProcessService processes, OrganizationService organization, AccountService accounts,
                       AuditTrail trail, Clock clock) {
        this.dossiers = dossiers;
        this.assignments = assignments;
        this.policies = policies;
        this.processes = processes;
        this.organization = organization;
        this.accounts = accounts;
        this.trail = trail;
        this.clock = clock;
    }

    /** An official a dossier can go to, with how many open dossiers are assigned to them already. */
    public record Candidate(String username, String fullName, String title, int workload) {
    }

    /**
     * Where a dossier waits: the role and agency of its current desk and the official assigned there (null when
     * nobody is). A dossier that is finished or waits for the applicant waits at no desk.
     */
    public record Desk(Role role, String agencyCode, String assignee, String assigneeName) {
    }

    /** The desk of a pending dossier the viewer may see; empty for a finished dossier or one with the applicant. */
    public Optional<Desk> desk(String code, Actor viewer) {
        Dossier d = visible(code, viewer);
        Role role = deskRole(d);
        if (role == null) {
            return Optional.empty();
        }
        String assignee = assignments.assignee(d.id(), d.step()).orElse(null);
        return Optional.of(new Desk(role, d.currentAgency(), assignee, assignee == null ? null : fullName(assignee)));
    }

    /** The officials of the dossier's current desk, fewest assigned dossiers first; empty when it has no desk. */
    public List<Candidate> candidates(String code, Actor viewer) {
        Dossier d = visible(code, viewer);
        return candidates(d);
    }

    /** Whether the viewer may assign the dossier to someone (not only take it themself). */
    public boolean mayAssign(String code, Actor viewer) {
        Dossier d = visible(code, viewer);
        return deskRole(d) != null && mayAssign(d, viewer);
    }

    /** Whether the viewer may take the dossier for themself: they work at its desk and it is not theirs already. */
    public boolean mayTake(String code, Actor viewer) {
        Dossier d = visible(code, viewer);
        return deskRole(d) != null && policies.isOnMyDesk(d, viewer)
                && !viewer.username().equals(assignments.assignee(d.id(), d.step()).orElse(null));
    }

    /**
     * Assigns the dossier at its step to an official of that step's role in that agency.
     *
     * @throws UserFacingException 403 when the actor may not assign it, 409 when it waits at no desk, 400 when the
     *                             official is not one of the step's; nothing changes then
     */
    @Transactional
    public void assign(String code, String username, Actor actor) {
        Dossier d = dossiers.lockByCode(code).filter(x -> policies.maySee(x, actor))
                .orElseThrow(() -> UserFacingException.notFound("dossier.notFound", code));
        if (deskRole(d) == null) {
            throw new UserFacingException(HttpStatus.CONFLICT, "action_not_allowed", "dossier.assign.noDesk");
        }
        boolean self = actor.username().equals(username);
        if (!(self && policies.isOnMyDesk(d, actor)) && !mayAssign(d, actor)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "dossier.assign.notAllowed");
        }
        if (candidates(d).stream().noneMatch(c -> c.username().equals(username))) {
            throw UserFacingException.badRequest("dossier.assign.notCandidate", username == null ? "" : username);
        }
        assignments.assign(d.id(), d.step(), username, actor.username(), clock.instant());
        trail.changed(AuditAction.DOSSIER_ASSIGNED, d.code(), "step " + (d.step() + 1) + " to " + username);
    }

    /**
     * The officials of the step a forward or an approval would move the dossier to, for the form to offer; empty when
     * the viewer cannot move it on.
     */
    public List<Candidate> nextCandidates(String code, Actor viewer) {
        Dossier d = visible(code, viewer);
        if (d.status() != DossierStatus.RECEIVED && d.status() != DossierStatus.PROCESSING) {
            return List.of();
        }
        ProcessDefinition process = processes.version(d.processId()).orElseThrow();
        if (process.isLast(d.step())) {
            return List.of();
        }
        ProcessStep next = process.step(d.step() + 1);
        return candidates(next.agencyFor(d.receivingAgency(), d.competentAgency()), next.role().role());
    }

    /**
     * Assigns a dossier that was just moved on to the official the mover chose for its new step.
     *
     * @throws UserFacingException 400 when the official is not one of that step's; the caller's move rolls back
     */
    void assignMoved(Dossier d, String username, Actor actor) {
        if (candidates(d).stream().noneMatch(c -> c.username().equals(username))) {
            throw UserFacingException.badRequest("dossier.assign.notCandidate", username);
        }
        assignments.assign(d.id(), d.step(), username, actor.username(), clock.instant());
        trail.changed(AuditAction.DOSSIER_ASSIGNED, d.code(), "step " + (d.step() + 1) + " to " + username);
    }

    /** Ends the dossier's assignment: it moved to another step, or finished. */
    void clear(long dossierId) {
        assignments.clear(dossierId);
    }

    /** The full names of the officials the given dossiers are assigned to at their current step, by dossier id. */
    public Map<Long, String> assigneeNames(Collection<Long> dossierIds) {
        Map<Long, String> names = assignments.assignees(dossierIds);
        names.replaceAll((id, username) -> fullName(username));
        return names;
    }

    /** The leader of the agency the dossier is at, or the officer of the unit that received it. */
    private boolean mayAssign(Dossier d, Actor actor) {
        if (!actor.isOfficial() || actor.agencyCode() == null) {
            return false;
        }
        return actor.has(Role.LEADER) && actor.agencyCode().equals(d.currentAgency())
                || actor.has(Role.RECEPTION) && actor.agencyCode().equals(d.receivingAgency());
    }

    private List<Candidate> candidates(Dossier d) {
        Role role = deskRole(d);
        return role == null ? List.of() : candidates(d.currentAgency(), role);
    }

    private List<Candidate> candidates(String agencyCode, Role role) {
        List<StaffMember> staff = organization.staffOf(agencyCode).stream()
                .filter(s -> accounts.roles(s.username()).contains(role)).toList();
        Map<String, Integer> workloads = assignments.workloads(staff.stream().map(StaffMember::username).toList());
        return staff.stream()
                .map(s -> new Candidate(s.username(), fullName(s.username()), s.title(),
                        workloads.getOrDefault(s.username(), 0)))
                .sorted(Comparator.comparingInt(Candidate::workload).thenComparing(Candidate::fullName))
                .toList();
    }

    /** The role that acts on the dossier now: reception before handling and after the result; else its step's. */
    private Role deskRole(Dossier d) {
        return switch (d.status()) {
            case SUBMITTED, RESULT_READY -> Role.RECEPTION;
            case RECEIVED, PROCESSING -> processes.version(d.processId()).orElseThrow().step(d.step()).role().role();
            default -> null;
        };
    }

    private String fullName(String username) {
        return accounts.profile(username).map(AccountProfile::fullName).filter(n -> n != null && !n.isBlank())
                .orElse(username);
    }

    private Dossier visible(String code, Actor viewer) {
        return dossiers.findByCode(code).filter(d -> policies.maySee(d, viewer))
                .orElseThrow(() -> UserFacingException.notFound("dossier.notFound", code));
    }
}
