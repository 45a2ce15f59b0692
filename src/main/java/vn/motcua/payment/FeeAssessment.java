package vn.motcua.payment;

import java.time.Instant;
import java.util.List;

import vn.motcua.catalog.FeeExemption;

/**
 * The fees due on a dossier: each fee of its procedure with the quantity its form asked for, zero where the declared
 * exempt group applies.
 *
 * @param exemption          the exempt group the applicant declared, null for none
 * @param exemptionCheckedBy the officer who saw the proof, null while unchecked
 */
public record FeeAssessment(String dossierCode, String procedureCode, List<Item> items, long total,
                            FeeExemption exemption, String exemptionCheckedBy, Instant assessedAt) {

    public FeeAssessment {
        items = List.copyOf(items);
    }

    /**
     * @param perCopy whether the unit amount is per copy (then {@code quantity} copies)
     * @param exempt  whether the declared group is exempt from it
     */
    public record Item(String description, long unitAmount, int quantity, boolean perCopy, boolean exempt,
                       long amount) {
    }
}
