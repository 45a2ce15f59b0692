package vn.motcua.workflow;

import java.util.Set;

/**
 * A step of a process.
 *
 * @param agencyCode the agency of an {@link StepPlace#AGENCY} step, null otherwise
 * @param timeShare  percent of the procedure's legal time this step gets
 */
public record ProcessStep(String name, StepRole role, StepPlace place, String agencyCode, int timeShare,
                          Set<StepAction> actions) {

    public ProcessStep {
        actions = Set.copyOf(actions);
    }

    public boolean allows(StepAction action) {
        return actions.contains(action);
    }

    /** The agency that does this step for a dossier with these receiving and competent agencies. */
    public String agencyFor(String receivingAgency, String competentAgency) {
        return switch (place) {
            case RECEIVING -> receivingAgency;
            case COMPETENT -> competentAgency;
            case AGENCY -> agencyCode;
        };
    }
}
