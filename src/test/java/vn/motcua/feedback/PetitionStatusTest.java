package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.feedback.PetitionStatus.ANSWERED;
import static vn.motcua.feedback.PetitionStatus.PUBLISHED;
import static vn.motcua.feedback.PetitionStatus.RECEIVED;
import static vn.motcua.feedback.PetitionStatus.REFUSED;
import static vn.motcua.feedback.PetitionStatus.WAITING_SENDER;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The petition's state graph, edge by edge: each listed edge is allowed, every other move refused, and each edge is
 * taken by exactly one action.
 */
class PetitionStatusTest {

    record Edge(PetitionStatus from, PetitionStatus to) {
    }

    static final Map<Edge, PetitionAction> EDGES = Map.of(
            new Edge(RECEIVED, WAITING_SENDER), PetitionAction.ASK_SENDER,
            new Edge(WAITING_SENDER, RECEIVED), PetitionAction.ADD_INFORMATION,
            new Edge(RECEIVED, ANSWERED), PetitionAction.ANSWER,
            new Edge(RECEIVED, REFUSED), PetitionAction.REFUSE,
            new Edge(ANSWERED, PUBLISHED), PetitionAction.PUBLISH);

    @Test
    void everyListedEdgeIsAllowedAndEveryOtherMoveRefused() {
        for (PetitionStatus from : PetitionStatus.values()) {
            for (PetitionStatus to : PetitionStatus.values()) {
                assertThat(from.mayBecome(to)).as(from + " -> " + to).isEqualTo(EDGES.containsKey(new Edge(from, to)));
            }
        }
    }

    @Test
    void eachActionTakesOneEdgeOfTheGraph() {
        Map<Edge, PetitionAction> byAction = Arrays.stream(PetitionAction.values())
                .collect(Collectors.toMap(a -> new Edge(a.from(), a.to()), a -> a));
        assertThat(byAction).isEqualTo(EDGES);
    }

    @Test
    void refusedAndPublishedAreFinalAndTheAnsweredOnesClosed() {
        for (PetitionStatus status : PetitionStatus.values()) {
            assertThat(status.isFinal()).as(status + " final").isEqualTo(Set.of(REFUSED, PUBLISHED).contains(status));
            assertThat(status.isClosed()).as(status + " closed")
                    .isEqualTo(Set.of(ANSWERED, REFUSED, PUBLISHED).contains(status));
        }
    }
}
