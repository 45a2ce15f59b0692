package vn.motcua.feedback;

import java.util.Arrays;

/**
 * Where a petition stands. The transitions between states are the {@link PetitionAction}s: an explicit graph, checked
 * on every change.
 */
public enum PetitionStatus {
    /** Received, with the handling agency; its clock runs. */
    RECEIVED,
    /** The agency asked the sender for more information; the clock stands still until the sender adds it. */
    WAITING_SENDER,
    /** Answered. Closed. */
    ANSWERED,
    /** Refused (not for this agency, not a petition, …), with the reason. Closed. */
    REFUSED,
    /** Answered and the answer published on the portal, with the sender's consent. Closed. */
    PUBLISHED;

    /** Whether the petition has been answered or refused: handling ended, the sender may rate it. */
    public boolean isClosed() {
        return this == ANSWERED || this == REFUSED || this == PUBLISHED;
    }

    /** Whether some action of the graph leads from this state to {@code next}. */
    public boolean mayBecome(PetitionStatus next) {
        return Arrays.stream(PetitionAction.values()).anyMatch(a -> a.from() == this && a.to() == next);
    }
}
