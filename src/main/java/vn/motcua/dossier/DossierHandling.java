package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.DossierView.FileInfo;
import vn.motcua.dossier.forms.DossierForms;
import vn.motcua.dossier.internal.AssignmentRepository;
import vn.motcua.dossier.internal.Dossier;
import vn.motcua.dossier.internal.DossierCodes;
import vn.motcua.dossier.internal.DossierLifecycle;
import vn.motcua.dossier.internal.DossierLifecycle.Transition;
import vn.motcua.dossier.internal.DossierRepository;
import vn.motcua.dossier.internal.IllegalTransitionException;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agency;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.result.ResultService;
import vn.motcua.workflow.ProcessDefinition;
import vn.motcua.workflow.ProcessService;
import vn.motcua.workflow.StepAction;

import static vn.motcua.dossier.DossierPolicies.refuseUnless;
import static vn.motcua.platform.text.Texts.blank;
import static vn.motcua.platform.text.Texts.blankToNull;

/**
 * Handling a dossier: the actions of its lifecycle (receive, forward, approve, send back, ask for a supplement,
 * refuse, issue and return the result, transfer to another agency, apologise, withdraw) and the applicant's
 * supplement. Every action is one transaction on the locked dossier row, allowed by {@link DossierPolicies}, moved by
 * the {@link Dossier} aggregate along its graph, recorded in the history and announced by the edge's event.
 */
@Service
public class DossierHandling {

    private final DossierRepository dossiers;
    private final DossierCodes codes;
    private final ProcessService processes;
    private final OrganizationService organization;
    private final ResultService results;
    private final DossierForms forms;
    private final DossierIntake intake;
    private final DossierPolicies policies;
    private final DossierRouting routing;
    private final DossierUploads uploads;
    private final DossierViews views;
    private final DossierRefs refs;
    private final DossierDueDates dueDates;
    private final AssignmentRepository assignments;
    private final DossierAssignments assignees;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DossierHandling(DossierRepository dossiers, DossierCodes codes, ProcessService processes,
                    OrganizationService organization, ResultService results, DossierForms forms, DossierIntake intake,
                    DossierPolicies policies, DossierRouting routing, DossierUploads uploads, DossierViews views,
                    DossierRefs refs, DossierDueDates dueDates, AssignmentRepository assignments,
                    DossierAssignments assignees, ApplicationEventPublisher events, Clock clock) {
        this.assignments = assignments;
        this.assignees = assignees;
        this.dossiers = dossiers;
        this.codes = codes;
        this.processes = processes;
        this.organization = organization;
        this.results = results;
        this.forms = forms;
        this.intake = intake;
        this.policies = policies;
        this.routing = routing;
        this.uploads = uploads;
        this.views = views;
        this.refs = refs;
        this.dueDates = dueDates;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Takes an action on a dossier, if the lifecycle graph, the dossier's process step and the actor's role and
     * agency allow it; otherwise refuses with a reason and changes nothing.
     */
    @Transactional
    public DossierView act(String code, DossierAction action, ActionRequest request, Actor actor, Upload file,
                           Locale locale) {
        Dossier d = dossiers.lockByCode(code).orElseThrow(() -> UserFacingException.notFound("dossier.notFound", code));
        if (!policies.maySee(d, actor)) {
            throw UserFacingException.notFound("dossier.notFound", code);
        }
        ProcessDefinition process = processes.version(d.processId()).orElseThrow();
        Instant now = clock.instant();
        policies.refuseUnlessAllowed(d, process, action, actor, now, locale);
        if (action == DossierAction.RECEIVE) {
            intake.receive(d, actor, now);
            advanceOnReception(d, process, actor, now);
            return views.view(d, actor);
        }
        DossierStatus from = d.status();
        int fromStep = d.step();
        String note = blankToNull(request.note());
        Map<String, Object> details = new HashMap<>();
        Transition taken;
        try {
            taken = move(d, process, action, request, note, details, actor, file, now);
        } catch (IllegalTransitionException e) {
            // The policies refuse these first; the graph is the last word all the same.
            throw new UserFacingException(HttpStatus.CONFLICT, "action_not_allowed", "dossier.action.wrongStatus",
                    policies.message("action." + action, locale), policies.message("status." + from, locale));
        }
        dossiers.update(d);
        dossiers.history(d.id(), now, actor.username(), actor.fullName(), actor.agencyCode(), action.name(), from,
                d.status(), fromStep, d.step(), note, details.isEmpty() ? null : details);
        if (d.step() != fromStep || d.status().isFinal()) {
            assignments.clear(d.id()); // an assignment is for one step
        }
        if (d.step() > fromStep && !blank(request.nextAssignee())) {
            assignees.assignMoved(d, request.nextAssignee().strip(), actor);
        }
        publish(taken, action, d, fromStep, request, actor, now);
        return views.view(d, actor);
    }

    /**
     * When the process says so, a dossier received online goes on to step 1 in the same action, as if reception had
     * also pressed "Chuyển bước tiếp"; unless step 0 cannot forward or the fees the process wants first are unpaid,
     * in which case it stays at reception as before.
     */
    private void advanceOnReception(Dossier d, ProcessDefinition process, Actor actor, Instant now) {
        if (!movesOnAtReception(d, process)) {
            return;
        }
        DossierStatus from = d.status();
        Transition taken = d.forward(DossierAction.FORWARD, process, now);
        dossiers.update(d);
        dossiers.history(d.id(), now, actor.username(), actor.fullName(), actor.agencyCode(),
                DossierAction.FORWARD.name(), from, d.status(), 0, d.step(), null, Map.of("onReception", true));
        publish(taken, DossierAction.FORWARD, d, 0, ActionRequest.note(null), actor, now);
    }

    private boolean movesOnAtReception(Dossier d, ProcessDefinition process) {
        return process.advanceOnReception() && !process.isLast(0) && process.step(0).allows(StepAction.FORWARD)
                && !policies.waitsForPayment(d, process, DossierAction.FORWARD);
    }

    /** Whether receiving this dossier now would also move it on to the next step (what the reception hint says). */
    @Transactional(readOnly = true)
    public boolean movesOnAtReception(String code) {
        return dossiers.findByCode(code).map(d -> processes.version(d.processId())
                .map(process -> movesOnAtReception(d, process)).orElse(false)).orElse(false);
    }

    /** The action's own checks and records, and the aggregate's move. */
    private Transition move(Dossier d, ProcessDefinition process, DossierAction action, ActionRequest request,
                            String note, Map<String, Object> details, Actor actor, Upload file, Instant now) {
        return switch (action) {
            case RECEIVE -> throw new IllegalStateException("received by the intake");
            case FORWARD, APPROVE -> {
                refuseUnless(!process.isLast(d.step()), "dossier.action.lastStep");
                yield d.forward(action, process, now);
            }
            case SEND_BACK -> {
                refuseUnless(!blank(note), "dossier.action.noteRequired");
                yield d.sendBack(process, now);
            }
            case REQUEST_SUPPLEMENT -> {
                refuseUnless(!request.items().isEmpty(), "dossier.action.itemsRequired");
                details.put("items", request.items());
                details.put("resume", d.status().name());
                Transition t = d.requestSupplement();
                dossiers.openPause(d.id(), now, request.items(), note, actor.username());
                yield t;
            }
            case REFUSE -> {
                refuseUnless(!blank(note), "dossier.action.reasonRequired");
                yield d.refuse(now, dueDates);
            }
            case ISSUE_RESULT -> {
                refuseUnless(file != null || !blank(note), "dossier.action.resultRequired");
                Procedure procedure = routing.procedure(d.procedureCode());
                // The uploaded result, or one laid out from what the official wrote; either way numbered, stamped with
                // its verification QR code and signed by the agency.
                byte[] document = file != null ? file.content()
                        : forms.resultDocument(views.view(d, actor), procedure, note, now);
                ResultService.Issued issued = results.issue(d.code(), d.currentAgency(),
                        file != null ? file.fileName() : "ket-qua", document, actor.username());
                FileInfo stored = uploads.store(d, procedure, new Upload(null, issued.result().fileName(),
                        issued.content(), false), "RESULT", actor.username());
                details.put("file", stored.fileName());
                details.put("result", issued.result().number());
                yield d.issueResult(now);
            }
            case TRANSFER -> {
                Agency target = organization.agency(blankToNull(request.targetAgency())).filter(a -> a.activeOn(
                        LocalDate.ofInstant(now, DossierDueDates.VIETNAM))).orElse(null);
                refuseUnless(target != null && !target.code().equals(d.currentAgency()),
                        "dossier.action.targetRequired");
                Transition t = d.transfer();
                Dossier child = transferChild(d, target, actor, now, note);
                details.put("child", child.code());
                details.put("target", target.code());
                yield t;
            }
            case RETURN_RESULT -> {
                String method = request.returnMethod() == null ? "COUNTER" : request.returnMethod();
                refuseUnless(Set.of("COUNTER", "ONLINE", "POST").contains(method), "dossier.action.returnMethod");
                yield d.returnResult(method, now, dueDates);
            }
            case APOLOGIZE -> {
                refuseUnless(!blank(note), "dossier.action.reasonRequired");
                refuseUnless(request.newDueAt() != null && d.dueAt() != null && request.newDueAt().isAfter(d.dueAt())
                        && request.newDueAt().isAfter(now), "dossier.action.newDueRequired");
                Signer signer = apologySigner(request, actor);
                Instant previous = d.dueAt();
                Transition t = d.apologize(request.newDueAt());
                dossiers.apology(d.id(), now, previous, request.newDueAt(), note, actor.username(), signer.name(),
                        signer.title());
                details.put("previousDueAt", previous.toString());
                details.put("newDueAt", request.newDueAt().toString());
                events.publishEvent(DossierEvents.checked(t,
                        new ApologyIssued(refs.ref(d), previous, request.newDueAt(), note, now)));
                yield t;
            }
            case WITHDRAW -> withdraw(d, actor, now);
            case SUPPLEMENT -> {
                DossierStatus resume = resumeStatus(d);
                dossiers.closePause(d.id(), now);
                if (file != null) {
                    uploads.store(d, routing.procedure(d.procedureCode()), file, "SUPPLEMENT", actor.username());
                }
                // After the pause is closed: the legal due date leaves it out.
                yield d.resume(resume, dueDates);
            }
        };
    }

    private record Signer(String name, String title) {
    }

    /**
     * Who signs the apology: the signer named in the action, else the leader who issues it under their staff title;
     * anyone else must name the signer, since the letter is the agency's and a specialist does not sign for it.
     */
    private Signer apologySigner(ActionRequest request, Actor actor) {
        String name = blankToNull(request.signerName());
        String title = blankToNull(request.signerTitle());
        if (name != null && title != null) {
            return new Signer(name.strip(), title.strip());
        }
        refuseUnless(name == null && title == null && actor.has(Role.LEADER), "dossier.action.signerRequired");
        return new Signer(actor.fullName(), organization.staffMember(actor.username())
                .map(s -> blankToNull(s.title())).orElse(null));
    }

    /**
     * Withdraws the dossier and, with it, the parts transferred to other agencies that are still open, so that nobody
     * goes on handling what the applicant took back; a supplement request it was waiting on ends there.
     */
    private Transition withdraw(Dossier d, Actor actor, Instant now) {
        if (d.status() == DossierStatus.SUPPLEMENT_REQUESTED) {
            dossiers.closePause(d.id(), now);
        }
        Transition t = d.withdraw(now, dueDates);
        for (Dossier part : dossiers.children(d.id())) {
            if (!DossierLifecycle.leavesFrom(DossierAction.WITHDRAW, part.status())) {
                continue;
            }
            DossierStatus from = part.status();
            Transition partTaken = withdraw(part, actor, now);
            dossiers.update(part);
            dossiers.history(part.id(), now, actor.username(), actor.fullName(), actor.agencyCode(),
                    DossierAction.WITHDRAW.name(), from,
                    part.status(), part.step(), part.step(), null, Map.of("withdrawnWith", d.code()));
            events.publishEvent(DossierEvents.checked(partTaken, new DossierWithdrawn(refs.ref(part), now)));
        }
        return t;
    }

    /** The applicant (or a counter officer for a walk-in) sends what was asked for. */
    @Transactional
    public DossierView supplement(String code, String note, List<Upload> files, Actor actor, Locale locale) {
        Dossier d = dossiers.findByCode(code).filter(x -> policies.maySee(x, actor))
                .orElseThrow(() -> UserFacingException.notFound("dossier.notFound", code));
        Procedure procedure = routing.procedure(d.procedureCode());
        List<String> problems = files.stream().flatMap(f -> uploads.problems(procedure, f, locale).stream()).toList();
        if (!problems.isEmpty()) {
            throw new InvalidDossierException(problems);
        }
        DossierView view = act(code, DossierAction.SUPPLEMENT, ActionRequest.note(note), actor,
                files.isEmpty() ? null : files.getFirst(), locale);
        if (files.size() > 1) {
            Dossier again = dossiers.findByCode(code).orElseThrow();
            files.subList(1, files.size()).forEach(f -> uploads.store(again, procedure, f, "SUPPLEMENT",
                    actor.username()));
            view = views.view(again, actor);
        }
        return view;
    }

    private Dossier transferChild(Dossier parent, Agency target, Actor actor, Instant now, String note) {
        long processId = processes.current(parent.procedureCode()).id();
        Dossier child = Dossier.transferredFrom(parent, target.code(), processId,
                codes.next(target.code(), LocalDate.ofInstant(now, DossierDueDates.VIETNAM)), actor.username(), now);
        dossiers.insert(child);
        dossiers.history(child.id(), now, actor.username(), actor.fullName(), actor.agencyCode(), "TRANSFER", null,
                DossierStatus.RECEIVED, null, 0, note, Map.of("parent", parent.code()));
        return child;
    }

    /** The status the dossier had when the supplement was asked for. */
    private DossierStatus resumeStatus(Dossier d) {
        return dossiers.history(d.id()).reversed().stream()
                .filter(h -> "REQUEST_SUPPLEMENT".equals(h.action())).findFirst()
                .map(h -> DossierStatus.valueOf(h.fromStatus())).orElse(DossierStatus.RECEIVED);
    }

    private void publish(Transition taken, DossierAction action, Dossier d, int fromStep, ActionRequest request,
                         Actor actor, Instant now) {
        DossierRef ref = refs.ref(d);
        Record event = switch (action) {
            case FORWARD, APPROVE, SEND_BACK ->
                    new StepCompleted(ref, fromStep, d.step(), action.name(), actor.username(), now);
            case REQUEST_SUPPLEMENT -> new SupplementRequested(ref, request.items(), request.note(), now);
            case REFUSE -> new DossierRefused(ref, request.note(), now);
            case ISSUE_RESULT -> new ResultReady(ref, now);
            case TRANSFER -> new DossierTransferred(ref, dossiers.children(d.id()).getLast().code(),
                    request.targetAgency(), now);
            case RETURN_RESULT -> new DossierReturned(ref, d.returnMethod(), d.timeliness(), now);
            case WITHDRAW -> new DossierWithdrawn(ref, now);
            case SUPPLEMENT -> new SupplementReceived(ref, now, d.dueAt(), d.legalDueAt());
            case RECEIVE, APOLOGIZE -> null; // published where they happen
        };
        if (event != null) {
            events.publishEvent(DossierEvents.checked(taken, event));
        }
        if (d.parentId() != null && d.status() == DossierStatus.RESULT_READY) {
            returnChildResult(d, actor, now);
        }
    }

    /**
     * An inter-agency child's result goes back to the original dossier, which may then continue. The hand-back is
     * recorded in both histories; nobody outside needs an event for it.
     */
    private void returnChildResult(Dossier child, Actor actor, Instant now) {
        DossierStatus from = child.status();
        Transition t = child.returnResult("INTER_AGENCY", now, dueDates);
        dossiers.update(child);
        dossiers.history(child.id(), now, actor.username(), actor.fullName(), actor.agencyCode(), "RETURN_RESULT", from,
                t.to(), child.step(), child.step(), null, null);
        Dossier parent = dossiers.lockById(child.parentId()).orElseThrow();
        dossiers.history(parent.id(), now, actor.username(), actor.fullName(), actor.agencyCode(), "TRANSFER_RESULT",
                parent.status(), parent.status(), parent.step(), parent.step(), null, Map.of("child", child.code()));
    }
}
