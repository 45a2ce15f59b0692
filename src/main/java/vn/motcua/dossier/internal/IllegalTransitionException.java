package vn.motcua.dossier.internal;

import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierStatus;

/**
 * A move the lifecycle graph does not have. The dossier is left as it was; the application service answers the person
 * with the action and the status that do not go together.
 */
public class IllegalTransitionException extends RuntimeException {

    private final transient DossierAction action;
    private final DossierStatus status;

    IllegalTransitionException(DossierAction action, DossierStatus from, DossierStatus to) {
        super((action == null ? "SUBMIT" : action.name()) + " is not a move from " + from + " to " + to);
        this.action = action;
        this.status = from;
    }

    /** The action refused; null for submission. */
    public DossierAction action() {
        return action;
    }

    /** The status the dossier was (and still is) in. */
    public DossierStatus status() {
        return status;
    }
}
