package vn.motcua.dossier.internal;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.motcua.dossier.ApologyIssued;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierRefused;
import vn.motcua.dossier.DossierReturned;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierSubmitted;
import vn.motcua.dossier.DossierTransferred;
import vn.motcua.dossier.DossierWithdrawn;
import vn.motcua.dossier.ResultReady;
import vn.motcua.dossier.StepCompleted;
import vn.motcua.dossier.SupplementReceived;
import vn.motcua.dossier.SupplementRequested;
import vn.motcua.workflow.StepAction;

import static vn.motcua.dossier.DossierStatus.DRAFT;
import static vn.motcua.dossier.DossierStatus.PROCESSING;
import static vn.motcua.dossier.DossierStatus.RECEIVED;
import static vn.motcua.dossier.DossierStatus.REFUSED;
import static vn.motcua.dossier.DossierStatus.RESULT_READY;
import static vn.motcua.dossier.DossierStatus.RETURNED;
import static vn.motcua.dossier.DossierStatus.SUBMITTED;
import static vn.motcua.dossier.DossierStatus.SUPPLEMENT_REQUESTED;
import static vn.motcua.dossier.DossierStatus.WITHDRAWN;

/**
 * The dossier's state graph, status to status, each edge labelled with the action that takes it, who may take it, the
 * step action the process must allow at the current step (if any) and the domain event it emits (modelled on GOV.UK
 * Pay's {@code PaymentGatewayStateTransitions}). {@link Dossier} changes its status only along these edges; anything
 * else throws {@link IllegalTransitionException}.
 */
public final class DossierLifecycle {

    /** Who may take an action. */
    public enum Who {
        /** The applicant who owns the dossier (or, for a walk-in applicant, a reception officer on their behalf). */
        APPLICANT,
        /** A reception officer of the receiving unit. */
        RECEPTION,
        /** An official with the current step's role at the current step's agency. */
        STEP,
        /** Whoever has the dossier at their step, or a leader of the agency that decides it. */
        HANDLER
    }

    /**
     * One edge of the graph.
     *
     * @param action     the action; null for submission, which makes a draft a dossier rather than acting on one
     * @param stepAction what the process must allow at the current step, or null when it need not
     * @param event      the domain event the move publishes
     */
    public record Transition(DossierAction action, DossierStatus from, DossierStatus to, Who who,
                             StepAction stepAction, Class<? extends Record> event) {
    }

    /** Submission: the applicant (or the counter, for a walk-in) turns a complete draft into a dossier. */
    public static final Transition SUBMISSION = new Transition(null, DRAFT, SUBMITTED, Who.APPLICANT, null,
            DossierSubmitted.class);

    private static final List<Transition> GRAPH;

    static {
        Set<Transition> g = new LinkedHashSet<>();
        g.add(SUBMISSION);
        edges(g, DossierAction.RECEIVE, EnumSet.of(SUBMITTED), RECEIVED, Who.RECEPTION, null, DossierReceived.class);
        edges(g, DossierAction.FORWARD, EnumSet.of(RECEIVED, PROCESSING), PROCESSING, Who.STEP, StepAction.FORWARD,
                StepCompleted.class);
        edges(g, DossierAction.APPROVE, EnumSet.of(PROCESSING), PROCESSING, Who.STEP, StepAction.APPROVE,
                StepCompleted.class);
        // Back to the previous step, which is reception again when it was the first processing step.
        edges(g, DossierAction.SEND_BACK, EnumSet.of(PROCESSING), PROCESSING, Who.STEP, StepAction.SEND_BACK,
                StepCompleted.class);
        edges(g, DossierAction.SEND_BACK, EnumSet.of(PROCESSING), RECEIVED, Who.STEP, StepAction.SEND_BACK,
                StepCompleted.class);
        edges(g, DossierAction.REQUEST_SUPPLEMENT, EnumSet.of(SUBMITTED, RECEIVED, PROCESSING), SUPPLEMENT_REQUESTED,
                Who.STEP, StepAction.REQUEST_SUPPLEMENT, SupplementRequested.class);
        edges(g, DossierAction.REFUSE, EnumSet.of(SUBMITTED, RECEIVED, PROCESSING), REFUSED, Who.STEP,
                StepAction.REFUSE, DossierRefused.class);
        edges(g, DossierAction.ISSUE_RESULT, EnumSet.of(PROCESSING), RESULT_READY, Who.STEP, StepAction.ISSUE_RESULT,
                ResultReady.class);
        edges(g, DossierAction.TRANSFER, EnumSet.of(PROCESSING), PROCESSING, Who.STEP, StepAction.TRANSFER,
                DossierTransferred.class);
        edges(g, DossierAction.RETURN_RESULT, EnumSet.of(RESULT_READY), RETURNED, Who.RECEPTION, null,
                DossierReturned.class);
        // An apology moves the appointment, not the status.
        for (DossierStatus s : EnumSet.of(RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED)) {
            edges(g, DossierAction.APOLOGIZE, EnumSet.of(s), s, Who.HANDLER, null, ApologyIssued.class);
        }
        edges(g, DossierAction.WITHDRAW, EnumSet.of(SUBMITTED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED), WITHDRAWN,
                Who.APPLICANT, null, DossierWithdrawn.class);
        // A supplement resumes the status the dossier had when it was asked for.
        for (DossierStatus s : EnumSet.of(SUBMITTED, RECEIVED, PROCESSING)) {
            edges(g, DossierAction.SUPPLEMENT, EnumSet.of(SUPPLEMENT_REQUESTED), s, Who.APPLICANT, null,
                    SupplementReceived.class);
        }
        GRAPH = List.copyOf(g);
    }

    private static void edges(Set<Transition> graph, DossierAction action, Set<DossierStatus> from, DossierStatus to,
                              Who who, StepAction stepAction, Class<? extends Record> event) {
        from.forEach(f -> graph.add(new Transition(action, f, to, who, stepAction, event)));
    }

    private DossierLifecycle() {
    }

    /** Every edge of the graph. */
    public static List<Transition> edges() {
        return GRAPH;
    }

    /** The edge for this action from this status to that one, if the graph has it. */
    public static Optional<Transition> edge(DossierAction action, DossierStatus from, DossierStatus to) {
        return GRAPH.stream().filter(t -> t.action() == action && t.from() == from && t.to() == to).findFirst();
    }

    /** Whether the action may be taken from this status at all. */
    public static boolean leavesFrom(DossierAction action, DossierStatus from) {
        return GRAPH.stream().anyMatch(t -> t.action() == action && t.from() == from);
    }

    /** Who may take the action (the same on all its edges). */
    public static Who who(DossierAction action) {
        return anyEdge(action).who();
    }

    /** What the process must allow at the current step for the action, or null (the same on all its edges). */
    public static StepAction stepAction(DossierAction action) {
        return anyEdge(action).stepAction();
    }

    private static Transition anyEdge(DossierAction action) {
        return GRAPH.stream().filter(t -> t.action() == action).findFirst().orElseThrow();
    }

    /** Actions that move a dossier's handling forward and so are held up once it is overdue without an apology. */
    public static boolean advancesHandling(DossierAction action) {
        return switch (action) {
            case FORWARD, APPROVE, SEND_BACK, ISSUE_RESULT, TRANSFER, REFUSE, REQUEST_SUPPLEMENT -> true;
            default -> false;
        };
    }
}
