package vn.motcua.feedback;

/**
 * What is done to a petition: each action takes one edge of the {@link PetitionStatus} graph and names who takes it,
 * the state it leaves and the one it leads to, and the domain event it emits (none for the steps in between).
 */
public enum PetitionAction {
    /** The agency asks the sender for more information; the clock stops. */
    ASK_SENDER(Who.HANDLER, PetitionStatus.RECEIVED, PetitionStatus.WAITING_SENDER, null),
    /** The sender adds what was asked for, from the tracking page; the clock runs again. */
    ADD_INFORMATION(Who.SENDER, PetitionStatus.WAITING_SENDER, PetitionStatus.RECEIVED, null),
    /** The agency answers (within 15 working days of receipt). */
    ANSWER(Who.HANDLER, PetitionStatus.RECEIVED, PetitionStatus.ANSWERED, PetitionClosed.class),
    /** The agency refuses to handle it, with the reason (within 2 working days of receipt). */
    REFUSE(Who.HANDLER, PetitionStatus.RECEIVED, PetitionStatus.REFUSED, PetitionClosed.class),
    /** The agency publishes the answer (the sender consented; within 2 working days of the answer). */
    PUBLISH(Who.HANDLER, PetitionStatus.ANSWERED, PetitionStatus.PUBLISHED, null);

    /** Who takes an action: the sender (identified by the number and their phone or email) or the handling agency. */
    public enum Who {
        SENDER,
        /** An official of the handling agency with {@code HANDLE_DOSSIER}. */
        HANDLER
    }

    private final Who who;
    private final PetitionStatus from;
    private final PetitionStatus to;
    private final Class<?> emits;

    PetitionAction(Who who, PetitionStatus from, PetitionStatus to, Class<?> emits) {
        this.who = who;
        this.from = from;
        this.to = to;
        this.emits = emits;
    }

    public Who who() {
        return who;
    }

    public PetitionStatus from() {
        return from;
    }

    public PetitionStatus to() {
        return to;
    }

    /** The domain event the action publishes, or null. */
    public Class<?> emits() {
        return emits;
    }
}
