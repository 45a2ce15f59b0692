package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.dossier.DossierStatus.DRAFT;
import static vn.motcua.dossier.DossierStatus.PROCESSING;
import static vn.motcua.dossier.DossierStatus.RECEIVED;
import static vn.motcua.dossier.DossierStatus.REFUSED;
import static vn.motcua.dossier.DossierStatus.RESULT_READY;
import static vn.motcua.dossier.DossierStatus.RETURNED;
import static vn.motcua.dossier.DossierStatus.SUBMITTED;
import static vn.motcua.dossier.DossierStatus.SUPPLEMENT_REQUESTED;
import static vn.motcua.dossier.DossierStatus.WITHDRAWN;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import vn.motcua.dossier.ApologyIssued;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
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
import vn.motcua.dossier.internal.DossierLifecycle.Transition;
import vn.motcua.dossier.internal.DossierLifecycle.Who;
import vn.motcua.workflow.ProcessDefinition;
import vn.motcua.workflow.ProcessStep;
import vn.motcua.workflow.StepPlace;
import vn.motcua.workflow.StepRole;

/**
 * Walks the whole lifecycle graph through the aggregate: for every status and every move, the move works and lands
 * where the graph written out below says, with its event, or is refused and changes nothing. The table is written out
 * here on purpose, apart from {@link DossierLifecycle}: an edge added to or removed from the graph fails this test.
 */
class DossierLifecycleTest {

    private static final Instant RECEIVED_AT = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-05T03:00:00Z");
    private static final Instant NEW_DUE = Instant.parse("2026-03-20T10:00:00Z");

    /** Submission is the one move that is not a {@link DossierAction}; null stands for it, as on the graph. */
    private static final DossierAction SUBMIT = null;

    private record Edge(DossierAction action, DossierStatus from, DossierStatus to, Who who, Class<?> event) {
    }

    private static final List<Edge> EXPECTED = new ArrayList<>();

    static {
        edge(SUBMIT, DRAFT, SUBMITTED, Who.APPLICANT, DossierSubmitted.class);
        edge(DossierAction.RECEIVE, SUBMITTED, RECEIVED, Who.RECEPTION, DossierReceived.class);
        edge(DossierAction.FORWARD, RECEIVED, PROCESSING, Who.STEP, StepCompleted.class);
        edge(DossierAction.FORWARD, PROCESSING, PROCESSING, Who.STEP, StepCompleted.class);
        edge(DossierAction.APPROVE, PROCESSING, PROCESSING, Who.STEP, StepCompleted.class);
        edge(DossierAction.SEND_BACK, PROCESSING, PROCESSING, Who.STEP, StepCompleted.class);
        edge(DossierAction.SEND_BACK, PROCESSING, RECEIVED, Who.STEP, StepCompleted.class);
        for (DossierStatus from : List.of(SUBMITTED, RECEIVED, PROCESSING)) {
            edge(DossierAction.REQUEST_SUPPLEMENT, from, SUPPLEMENT_REQUESTED, Who.STEP, SupplementRequested.class);
            edge(DossierAction.REFUSE, from, REFUSED, Who.STEP, DossierRefused.class);
            edge(DossierAction.SUPPLEMENT, SUPPLEMENT_REQUESTED, from, Who.APPLICANT, SupplementReceived.class);
        }
        edge(DossierAction.ISSUE_RESULT, PROCESSING, RESULT_READY, Who.STEP, ResultReady.class);
        edge(DossierAction.TRANSFER, PROCESSING, PROCESSING, Who.STEP, DossierTransferred.class);
        edge(DossierAction.RETURN_RESULT, RESULT_READY, RETURNED, Who.RECEPTION, DossierReturned.class);
        for (DossierStatus s : List.of(RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED)) {
            edge(DossierAction.APOLOGIZE, s, s, Who.HANDLER, ApologyIssued.class);
        }
        for (DossierStatus from : List.of(SUBMITTED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED)) {
            edge(DossierAction.WITHDRAW, from, WITHDRAWN, Who.APPLICANT, DossierWithdrawn.class);
        }
    }

    private static void edge(DossierAction action, DossierStatus from, DossierStatus to, Who who, Class<?> event) {
        EXPECTED.add(new Edge(action, from, to, who, event));
    }

    private static final ProcessStep STEP = new ProcessStep("step", StepRole.SPECIALIST, StepPlace.COMPETENT, null,
            25, Set.of());
    private static final ProcessDefinition PROCESS = new ProcessDefinition(1, "1.000001", 1,
            List.of(STEP, STEP, STEP, STEP));

    private static final Dossier.DueDates DUE = new Dossier.DueDates() {
        @Override
        public Instant legalDueAt(Dossier d) {
            return d.receivedAt().plus(Duration.ofDays(14));
        }

        @Override
        public String classifyFinished(Instant legalDueAt, Instant finishedAt) {
            return finishedAt.isAfter(legalDueAt) ? "LATE" : "ON_TIME";
        }
    };

    /** How the test takes each move, aimed at a status where the move's landing depends on more than the move. */
    private static final Map<DossierAction, BiFunction<Dossier, DossierStatus, Transition>> MOVES = Map.ofEntries(
            Map.entry(DossierAction.RECEIVE, (d, to) -> d.receive("reception", 3L, 7, NOW, DUE)),
            Map.entry(DossierAction.FORWARD, (d, to) -> d.forward(DossierAction.FORWARD, PROCESS, NOW)),
            Map.entry(DossierAction.APPROVE, (d, to) -> d.forward(DossierAction.APPROVE, PROCESS, NOW)),
            Map.entry(DossierAction.SEND_BACK, (d, to) -> d.sendBack(PROCESS, NOW)),
            Map.entry(DossierAction.REQUEST_SUPPLEMENT, (d, to) -> d.requestSupplement()),
            Map.entry(DossierAction.REFUSE, (d, to) -> d.refuse(NOW, DUE)),
            Map.entry(DossierAction.ISSUE_RESULT, (d, to) -> d.issueResult(NOW)),
            Map.entry(DossierAction.TRANSFER, (d, to) -> d.transfer()),
            Map.entry(DossierAction.RETURN_RESULT, (d, to) -> d.returnResult("COUNTER", NOW, DUE)),
            Map.entry(DossierAction.APOLOGIZE, (d, to) -> d.apologize(NEW_DUE)),
            Map.entry(DossierAction.WITHDRAW, (d, to) -> d.withdraw(NOW, DUE)),
            Map.entry(DossierAction.SUPPLEMENT, (d, to) -> d.resume(to, DUE)));

    /** The statuses a move may be aimed at from a status: where it can land at all. */
    private static Set<DossierStatus> aims(DossierAction action, DossierStatus from) {
        if (action == SUBMIT) {
            return EnumSet.of(SUBMITTED);
        }
        return switch (action) {
            case RECEIVE -> EnumSet.of(RECEIVED);
            case FORWARD, APPROVE, TRANSFER -> EnumSet.of(PROCESSING);
            case SEND_BACK -> EnumSet.of(RECEIVED, PROCESSING);
            case REQUEST_SUPPLEMENT -> EnumSet.of(SUPPLEMENT_REQUESTED);
            case REFUSE -> EnumSet.of(REFUSED);
            case ISSUE_RESULT -> EnumSet.of(RESULT_READY);
            case RETURN_RESULT -> EnumSet.of(RETURNED);
            case APOLOGIZE -> EnumSet.of(from);
            case WITHDRAW -> EnumSet.of(WITHDRAWN);
            case SUPPLEMENT -> EnumSet.allOf(DossierStatus.class);
        };
    }

    @Test
    void theGraphHasExactlyTheEdgesWrittenOutHere() {
        Set<Edge> actual = new HashSet<>();
        DossierLifecycle.edges().forEach(t -> actual.add(new Edge(t.action(), t.from(), t.to(), t.who(), t.event())));
        assertThat(actual).containsExactlyInAnyOrderElementsOf(EXPECTED);
        assertThat(DossierLifecycle.edges()).hasSameSizeAs(EXPECTED);
    }

    @Test
    void everyMoveFromEveryStatusEitherFollowsAnEdgeOrIsRefusedAndChangesNothing() {
        List<DossierAction> moves = new ArrayList<>(Arrays.asList(DossierAction.values()));
        moves.add(SUBMIT);
        int followed = 0;
        int refused = 0;
        for (DossierStatus from : DossierStatus.values()) {
            for (DossierAction action : moves) {
                for (DossierStatus to : aims(action, from)) {
                    Dossier d = dossierIn(from);
                    if (action == DossierAction.SEND_BACK) {
                        d.step = to == RECEIVED ? 1 : 2; // back to reception only from the first processing step
                    }
                    Edge expected = EXPECTED.stream()
                            .filter(e -> e.action() == action && e.from() == from && e.to() == to)
                            .findFirst().orElse(null);
                    String move = (action == SUBMIT ? "SUBMIT" : action) + " from " + from + " to " + to;
                    if (expected != null) {
                        Transition t = take(d, action, to);
                        assertThat(d.status()).as(move).isEqualTo(to);
                        assertThat(t.action()).as(move).isEqualTo(action);
                        assertThat(t.from()).as(move).isEqualTo(from);
                        assertThat(t.to()).as(move).isEqualTo(to);
                        assertThat(t.event()).as(move + ": its event").isEqualTo(expected.event());
                        followed++;
                    } else {
                        List<Object> before = fields(d);
                        assertThatThrownBy(() -> take(d, action, to)).as(move)
                                .isInstanceOf(IllegalTransitionException.class);
                        assertThat(fields(d)).as(move + " changes nothing").isEqualTo(before);
                        refused++;
                    }
                }
            }
        }
        assertThat(followed).isEqualTo(EXPECTED.size());
        assertThat(refused).isPositive();
    }

    @Test
    void receptionStartsTheFirstStepAndTheLegalTime() {
        Dossier d = dossierIn(SUBMITTED);
        d.receivedAt = null;
        d.receive("reception", 3L, 7, NOW, DUE);
        assertThat(d.step()).isZero();
        assertThat(d.receivedAt()).isEqualTo(NOW);
        assertThat(d.legalDueAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(d.dueAt()).isEqualTo(d.legalDueAt());
        assertThat(d.logEntry()).isEqualTo(7);
    }

    @Test
    void aSupplementMovesTheAppointmentByAsMuchAsTheLegalDueDateMoved() {
        Dossier d = dossierIn(SUPPLEMENT_REQUESTED);
        d.legalDueAt = RECEIVED_AT.plus(Duration.ofDays(10));
        d.dueAt = RECEIVED_AT.plus(Duration.ofDays(12)); // an apology moved it two days further
        d.resume(PROCESSING, DUE);
        assertThat(d.legalDueAt()).isEqualTo(RECEIVED_AT.plus(Duration.ofDays(14)));
        assertThat(d.dueAt()).isEqualTo(RECEIVED_AT.plus(Duration.ofDays(16)));
    }

    @Test
    void finishingRecordsWhenAndHowTimely() {
        Dossier d = dossierIn(RESULT_READY);
        d.returnResult("POST", NOW, DUE);
        assertThat(d.finishedAt()).isEqualTo(NOW);
        assertThat(d.returnMethod()).isEqualTo("POST");
        assertThat(d.timeliness()).isEqualTo("ON_TIME");
    }

    private static Transition take(Dossier d, DossierAction action, DossierStatus to) {
        return action == SUBMIT ? d.submit("000.00.00.H57-260305-0001", NOW) : MOVES.get(action).apply(d, to);
    }

    private static Dossier dossierIn(DossierStatus status) {
        Dossier d = Dossier.draft(Channel.ONLINE, "1.000001", "Đăng ký khai sinh", 10, 1);
        d.id = 42L;
        d.status = status;
        d.code = status == DRAFT ? null : "000.00.00.H57-260302-0001";
        d.receivingAgency = "000.00.00.H57";
        d.competentAgency = "000.00.31.H57";
        d.currentAgency = "000.00.31.H57";
        d.applicant = new Applicant(null, "Nguyễn Văn An", "001090000001", "0912345678", null, null, null, null);
        d.receivedAt = RECEIVED_AT;
        d.legalDueAt = RECEIVED_AT.plus(Duration.ofDays(10));
        d.dueAt = d.legalDueAt;
        d.step = 1;
        d.stepStartedAt = RECEIVED_AT;
        return d;
    }

    /** Every field of the dossier, to see that a refused move changed none. */
    private static List<Object> fields(Dossier d) {
        List<Object> values = new ArrayList<>();
        for (Field f : Dossier.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                try {
                    values.add(f.get(d));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }
}
