package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.internal.Dossier;
import vn.motcua.dossier.internal.DossierLifecycle;
import vn.motcua.dossier.internal.DossierRepository;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Role;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.workflow.PaymentStage;
import vn.motcua.workflow.ProcessDefinition;
import vn.motcua.workflow.ProcessService;
import vn.motcua.workflow.ProcessStep;
import vn.motcua.workflow.StepAction;

/**
 * Who may see a dossier and take which action on it, and the guards that hold an action up although the lifecycle
 * graph has it (a child dossier still out, an overdue dossier without an apology, fees not yet paid), each a named
 * rule, so that the pages' buttons ({@link #actionsFor}) and the refusals ({@link #refuseUnlessAllowed}) agree.
 */
@Component
class DossierPolicies {

    /** Moving the dossier on, which a process that wants payment before processing holds until the fees are paid. */
    private static final Set<DossierAction> PAID_BEFORE_PROCESSING = EnumSet.of(DossierAction.FORWARD,
            DossierAction.APPROVE, DossierAction.TRANSFER, DossierAction.ISSUE_RESULT);

    private final ProcessService processes;
    private final DossierRepository dossiers;
    private final DossierRefs refs;
    private final ObjectProvider<FeeGate> feeGate;
    private final MessageSource messages;
    private final Clock clock;

    DossierPolicies(ProcessService processes, DossierRepository dossiers, DossierRefs refs,
                    ObjectProvider<FeeGate> feeGate, MessageSource messages, Clock clock) {
        this.processes = processes;
        this.dossiers = dossiers;
        this.refs = refs;
        this.feeGate = feeGate;
        this.messages = messages;
        this.clock = clock;
    }

    /** A draft only to its owner; a dossier to its applicant and to the agencies that receive, decide or hold it. */
    boolean maySee(Dossier d, Actor actor) {
        if (d.status() == DossierStatus.DRAFT) {
            return actor.username().equals(d.owner());
        }
        if (actor.isOfficial()) {
            String agency = actor.agencyCode();
            return agency.equals(d.currentAgency()) || agency.equals(d.receivingAgency())
                    || agency.equals(d.competentAgency());
        }
        return actor.username().equals(d.owner());
    }

    /** Whether the actor is who the graph says may take the action, and the current step allows it. */
    boolean mayTake(Dossier d, ProcessDefinition process, DossierAction action, Actor actor) {
        StepAction stepAction = DossierLifecycle.stepAction(action);
        return switch (DossierLifecycle.who(action)) {
            case APPLICANT -> actor.username().equals(d.owner())
                    || (d.owner() == null && isReceptionOf(d, actor));
            case RECEPTION -> isReceptionOf(d, actor);
            case HANDLER -> isOnMyDesk(d, actor) || (actor.has(Role.LEADER) && actor.agencyCode() != null
                    && actor.agencyCode().equals(d.competentAgency()));
            case STEP -> {
                if (d.status() == DossierStatus.SUBMITTED) {
                    // Before reception, the first step (reception) decides: ask for more or refuse.
                    ProcessStep first = process.step(0);
                    yield isReceptionOf(d, actor) && (stepAction == null || first.allows(stepAction));
                }
                ProcessStep step = process.step(d.step());
                yield isOnMyDesk(d, actor) && (stepAction == null || step.allows(stepAction));
            }
        };
    }

    private static boolean isReceptionOf(Dossier d, Actor actor) {
        return actor.has(Role.RECEPTION) && actor.agencyCode() != null
                && actor.agencyCode().equals(d.receivingAgency());
    }

    /** The dossier is at the official's agency, at a step of their role (reception before and after handling). */
    boolean isOnMyDesk(Dossier d, Actor actor) {
        if (!actor.isOfficial() || !actor.agencyCode().equals(d.currentAgency())) {
            return false;
        }
        if (d.status() == DossierStatus.SUBMITTED || d.status() == DossierStatus.RESULT_READY) {
            return actor.has(Role.RECEPTION);
        }
        ProcessStep step = processes.version(d.processId()).orElseThrow().step(d.step());
        return actor.has(step.role().role());
    }

    /** Handling waits while a part transferred to another agency has no result yet. */
    boolean waitsForChild(Dossier d) {
        return dossiers.children(d.id()).stream()
                .anyMatch(c -> !c.status().isFinal() && c.status() != DossierStatus.RESULT_READY);
    }

    /** Past its appointment, a dossier moves on only after an apology sets a new one. */
    static boolean overdueWithoutApology(Dossier d, Instant now) {
        return d.dueAt() != null && now.isAfter(d.dueAt());
    }

    /**
     * Whether the process makes this action wait until the fees are paid: moving the dossier on (forward, approve,
     * transfer, issue the result) when it wants payment before processing, and handing over the result always.
     */
    boolean waitsForPayment(Dossier d, ProcessDefinition process, DossierAction action) {
        boolean gated = action == DossierAction.RETURN_RESULT
                || process.paymentStage() == PaymentStage.BEFORE_PROCESSING && PAID_BEFORE_PROCESSING.contains(action);
        FeeGate gate = feeGate.getIfAvailable();
        return gated && gate != null && !gate.paid(refs.facts(d));
    }

    /** The actions the actor may take on the dossier now: the buttons of its page. */
    Set<DossierAction> actionsFor(Dossier d, Actor actor) {
        if (d.status() == DossierStatus.DRAFT || d.status().isFinal()) {
            return Set.of();
        }
        ProcessDefinition process = processes.version(d.processId()).orElseThrow();
        Set<DossierAction> allowed = EnumSet.noneOf(DossierAction.class);
        boolean held = waitsForChild(d) || overdueWithoutApology(d, clock.instant());
        for (DossierAction action : DossierAction.values()) {
            if (!DossierLifecycle.leavesFrom(action, d.status()) || !mayTake(d, process, action, actor)) {
                continue;
            }
            if (DossierLifecycle.advancesHandling(action) && held) {
                continue;
            }
            if ((action == DossierAction.FORWARD || action == DossierAction.APPROVE) && process.isLast(d.step())) {
                continue;
            }
            if (action == DossierAction.SEND_BACK && d.step() == 0) {
                continue;
            }
            allowed.add(action);
        }
        return allowed;
    }

    /**
     * Refuses the action, with the reason a person reads, unless the graph has it from the dossier's status, the
     * actor may take it, nothing holds handling up and the fees it waits for are paid.
     */
    void refuseUnlessAllowed(Dossier d, ProcessDefinition process, DossierAction action, Actor actor, Instant now,
                             Locale locale) {
        // Actions only officials ever take are forbidden to anyone else, whatever the dossier's status.
        if (!actor.isOfficial() && DossierLifecycle.who(action) != DossierLifecycle.Who.APPLICANT) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", "dossier.action.officialsOnly",
                    message("action." + action, locale));
        }
        refuseUnless(DossierLifecycle.leavesFrom(action, d.status()), "dossier.action.wrongStatus",
                message("action." + action, locale), message("status." + d.status(), locale));
        refuseUnless(mayTake(d, process, action, actor), "dossier.action.notYours",
                message("action." + action, locale));
        if (DossierLifecycle.advancesHandling(action)) {
            refuseUnless(!waitsForChild(d), "dossier.action.waitingForChild");
            refuseUnless(!overdueWithoutApology(d, now), "dossier.action.overdueNeedsApology");
        }
        refuseUnless(!waitsForPayment(d, process, action), "dossier.action.unpaid");
    }

    /** The user-facing refusal of an action: a conflict with where the dossier stands, nothing changed. */
    static void refuseUnless(boolean condition, String key, Object... args) {
        if (!condition) {
            throw new UserFacingException(HttpStatus.CONFLICT, "action_not_allowed", key, args);
        }
    }

    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
