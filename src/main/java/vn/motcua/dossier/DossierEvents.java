package vn.motcua.dossier;

import vn.motcua.dossier.internal.DossierLifecycle.Transition;

/** Ties each published event to the lifecycle edge that was taken: the graph names the event, the move builds it. */
final class DossierEvents {

    private DossierEvents() {
    }

    /**
     * The event, checked to be the one the edge names.
     *
     * @throws IllegalStateException when it is not: a programming error, caught by the tests
     */
    static <E extends Record> E checked(Transition taken, E event) {
        if (!taken.event().isInstance(event)) {
            throw new IllegalStateException(taken + " emits " + taken.event().getSimpleName() + ", not "
                    + event.getClass().getSimpleName());
        }
        return event;
    }
}
