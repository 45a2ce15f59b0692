package vn.motcua.workflow;

import java.util.List;

/** One version of a procedure's internal process: its ordered steps. Step 0 is reception. */
public record ProcessDefinition(long id, String procedureCode, int version, List<ProcessStep> steps) {

    public ProcessDefinition {
        steps = List.copyOf(steps);
    }

    public ProcessStep step(int position) {
        return steps.get(position);
    }

    public boolean isLast(int position) {
        return position == steps.size() - 1;
    }
}
