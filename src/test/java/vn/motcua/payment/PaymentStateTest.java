package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.payment.PaymentState.CREATED;
import static vn.motcua.payment.PaymentState.EXPIRED;
import static vn.motcua.payment.PaymentState.FAILED;
import static vn.motcua.payment.PaymentState.PAID;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The payment's state graph, edge by edge: each listed edge is allowed, every other move refused. */
class PaymentStateTest {

    record Edge(PaymentState from, PaymentState to) {
    }

    static final Set<Edge> EDGES = Set.of(
            new Edge(CREATED, PAID),
            new Edge(CREATED, FAILED),
            new Edge(CREATED, EXPIRED),
            new Edge(EXPIRED, PAID)); // a late genuine success: the money was taken

    @Test
    void everyListedEdgeIsAllowedAndEveryOtherMoveRefused() {
        for (PaymentState from : PaymentState.values()) {
            for (PaymentState to : PaymentState.values()) {
                assertThat(from.mayBecome(to)).as(from + " -> " + to).isEqualTo(EDGES.contains(new Edge(from, to)));
            }
        }
    }

    @Test
    void paidAndFailedAreFinal() {
        for (PaymentState state : PaymentState.values()) {
            assertThat(state.isFinal()).as(state.name()).isEqualTo(state == PAID || state == FAILED);
        }
    }
}
