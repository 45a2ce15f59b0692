package vn.motcua.workflow;

/** Where a step is done, relative to the dossier. */
public enum StepPlace {
    /** The unit that received the dossier (a service centre or commune counter). */
    RECEIVING,
    /** The agency that decides the dossier. */
    COMPETENT,
    /** A named other agency: an inter-agency step (liên thông). */
    AGENCY
}
