package vn.motcua.feedback;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a petition stands, and the transitions between states: an explicit graph, checked on every change. Each edge
 * is taken by one {@link PetitionAction}, which names who takes it and the event it emits.
 *
 * <pre>
 * RECEIVED --ASK_SENDER--> WAITING_SENDER --ADD_INFORMATION--> RECEIVED
 * RECEIVED --ANSWER--> ANSWERED --PUBLISH--> PUBLISHED
 * RECEIVED --REFUSE--> REFUSED
 * </pre>
 */
public enum PetitionStatus {
    /** Received, with the handling agency; its clock runs. */
    RECEIVED,
    /** The agency asked the sender for more information; the clock stands still until the sender adds it. */
    WAITING_SENDER,
    /** Answered. Closed; its answer may still be published. */
    ANSWERED,
    /** Refused (not for this agency, not a petition, …), with the reason. Closed. Final. */
    REFUSED,
    /** Answered and the answer published on the portal, with the sender's consent. Closed. Final. */
    PUBLISHED;

    private static final Map<PetitionStatus, Set<PetitionStatus>> NEXT = Map.of(
            RECEIVED, EnumSet.of(WAITING_SENDER, ANSWERED, REFUSED),
            WAITING_SENDER, EnumSet.of(RECEIVED),
            ANSWERED, EnumSet.of(PUBLISHED),
            REFUSED, EnumSet.noneOf(PetitionStatus.class),
            PUBLISHED, EnumSet.noneOf(PetitionStatus.class));

    public boolean mayBecome(PetitionStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** Whether the petition has been answered or refused: handling ended, the sender may rate it. */
    public boolean isClosed() {
        return this == ANSWERED || this == REFUSED || this == PUBLISHED;
    }
}
