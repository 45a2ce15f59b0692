package vn.motcua.workflow;

import java.util.List;

/**
 * One version of a procedure's internal process: its ordered steps (step 0 is reception) and when its fees must be
 * paid.
 */
public record ProcessDefinition(long id, String procedureCode, int version, List<ProcessStep> steps,
                                PaymentStage paymentStage) {

    public ProcessDefinition {
        steps = List.copyOf(steps);
        paymentStage = paymentStage == null ? PaymentStage.BEFORE_RETURN : paymentStage;
    }

    public ProcessDefinition(long id, String procedureCode, int version, List<ProcessStep> steps) {
        this(id, procedureCode, version, steps, PaymentStage.BEFORE_RETURN);
    }

    public ProcessStep step(int position) {
        return steps.get(position);
    }

    public boolean isLast(int position) {
        return position == steps.size() - 1;
    }
}
