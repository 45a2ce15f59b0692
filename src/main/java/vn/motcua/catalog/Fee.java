package vn.motcua.catalog;

import java.util.Set;

/**
 * A fee or charge (phí, lệ phí) of a procedure, in VND.
 *
 * @param perCopyField the key of the procedure's NUMBER form field that says how many copies are asked for, when the
 *                     amount is per copy (per bản sao, per trích lục); null for a fixed amount
 * @param exemptions   the applicant groups the law exempts from this fee
 */
public record Fee(String description, long amount, String perCopyField, Set<FeeExemption> exemptions) {

    public Fee {
        description = Text.trim(description);
        perCopyField = perCopyField == null || perCopyField.isBlank() ? null : perCopyField.strip();
        exemptions = exemptions == null ? Set.of() : Set.copyOf(exemptions);
    }

    /** A fixed fee nobody is exempt from. */
    public Fee(String description, long amount) {
        this(description, amount, null, Set.of());
    }

    public boolean perCopy() {
        return perCopyField != null;
    }
}
