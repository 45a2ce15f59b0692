package vn.motcua.workflow;

import java.util.List;

/**
 * One version of a procedure's internal process: its ordered steps (step 0 is reception) and when its fees must be
 * paid.
 *
 * @param advanceOnReception whether reception's receiving an online dossier also moves it on to step 1 in the same
 *                           action, instead of waiting for a separate "Chuyển bước tiếp"
 */
public record ProcessDefinition(long id, String procedureCode, int version, List<ProcessStep> steps,
                                PaymentStage paymentStage, boolean advanceOnReception) {

    /**
     * A new process moves an online dossier on at reception: a one-stop shop's reception checks the dossier before it
     * receives it, so receiving it is handing it to the specialist's step.
     */
    public static final boolean ADVANCE_ON_RECEPTION_BY_DEFAULT = true;

    public ProcessDefinition {
        steps = List.copyOf(steps);
        paymentStage = paymentStage == null ? PaymentStage.BEFORE_RETURN : paymentStage;
    }

    public ProcessDefinition(long id, String procedureCode, int version, List<ProcessStep> steps,
                             PaymentStage paymentStage) {
        this(id, procedureCode, version, steps, paymentStage, ADVANCE_ON_RECEPTION_BY_DEFAULT);
    }

    public ProcessDefinition(long id, String procedureCode, int version, List<ProcessStep> steps) {
        this(id, procedureCode, version, steps, PaymentStage.BEFORE_RETURN, ADVANCE_ON_RECEPTION_BY_DEFAULT);
    }

    public ProcessStep step(int position) {
        return steps.get(position);
    }

    public boolean isLast(int position) {
        return position == steps.size() - 1;
    }
}
