package vn.motcua.dossier.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.workflow.StepAction;

import static vn.motcua.dossier.DossierStatus.PROCESSING;
import static vn.motcua.dossier.DossierStatus.RECEIVED;
import static vn.motcua.dossier.DossierStatus.REFUSED;
import static vn.motcua.dossier.DossierStatus.RESULT_READY;
import static vn.motcua.dossier.DossierStatus.RETURNED;
import static vn.motcua.dossier.DossierStatus.SUBMITTED;
import static vn.motcua.dossier.DossierStatus.SUPPLEMENT_REQUESTED;
import static vn.motcua.dossier.DossierStatus.WITHDRAWN;

/**
 * The dossier's state graph. Each edge names the action, the statuses it leaves from, who may take it, the step
 * action the process must allow at the current step (if any), where it leads and the event it emits. The dossier's
 * status changes only along these edges.
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
     * @param to    the status after the action; null means it depends on the process (next step, previous step, or
     *              the status the dossier had before a supplement request)
     * @param event the simple name of the domain event the action publishes
     */
    public record Transition(DossierAction action, Set<DossierStatus> from, Who who, StepAction stepAction,
                             DossierStatus to, String event) {
    }

    private static final Map<DossierAction, Transition> GRAPH = new EnumMap<>(DossierAction.class);

    static {
        edge(DossierAction.RECEIVE, EnumSet.of(SUBMITTED), Who.RECEPTION, null, RECEIVED, "DossierReceived");
        edge(DossierAction.FORWARD, EnumSet.of(RECEIVED, PROCESSING), Who.STEP, StepAction.FORWARD, PROCESSING, "StepCompleted");
        edge(DossierAction.APPROVE, EnumSet.of(PROCESSING), Who.STEP, StepAction.APPROVE, PROCESSING, "StepCompleted");
        edge(DossierAction.SEND_BACK, EnumSet.of(PROCESSING), Who.STEP, StepAction.SEND_BACK, null, "StepCompleted");
        edge(DossierAction.REQUEST_SUPPLEMENT, EnumSet.of(SUBMITTED, RECEIVED, PROCESSING), Who.STEP,
                StepAction.REQUEST_SUPPLEMENT, SUPPLEMENT_REQUESTED, "SupplementRequested");
        edge(DossierAction.REFUSE, EnumSet.of(SUBMITTED, RECEIVED, PROCESSING), Who.STEP, StepAction.REFUSE, REFUSED,
                "DossierRefused");
        edge(DossierAction.ISSUE_RESULT, EnumSet.of(PROCESSING), Who.STEP, StepAction.ISSUE_RESULT, RESULT_READY,
                "ResultReady");
        edge(DossierAction.TRANSFER, EnumSet.of(PROCESSING), Who.STEP, StepAction.TRANSFER, PROCESSING,
                "DossierTransferred");
        edge(DossierAction.RETURN_RESULT, EnumSet.of(RESULT_READY), Who.RECEPTION, null, RETURNED, "DossierReturned");
        edge(DossierAction.APOLOGIZE, EnumSet.of(RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED), Who.HANDLER, null, null,
                "ApologyIssued");
        edge(DossierAction.WITHDRAW, EnumSet.of(SUBMITTED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED), Who.APPLICANT,
                null, WITHDRAWN, "DossierWithdrawn");
        edge(DossierAction.SUPPLEMENT, EnumSet.of(SUPPLEMENT_REQUESTED), Who.APPLICANT, null, null,
                "SupplementReceived");
    }

    private static void edge(DossierAction action, Set<DossierStatus> from, Who who, StepAction stepAction,
                             DossierStatus to, String event) {
        GRAPH.put(action, new Transition(action, Set.copyOf(from), who, stepAction, to, event));
    }

    private DossierLifecycle() {
    }

    public static Transition of(DossierAction action) {
        return GRAPH.get(action);
    }

    /** Actions that move a dossier's handling forward and so are held up once it is overdue without an apology. */
    public static boolean advancesHandling(DossierAction action) {
        return switch (action) {
            case FORWARD, APPROVE, SEND_BACK, ISSUE_RESULT, TRANSFER, REFUSE, REQUEST_SUPPLEMENT -> true;
            default -> false;
        };
    }
}
