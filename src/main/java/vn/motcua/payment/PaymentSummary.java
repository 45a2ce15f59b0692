package vn.motcua.payment;

import java.util.List;

/**
 * A dossier's fees and payments as its applicant and officials see them.
 *
 * @param paid        what the paid payments add up to
 * @param outstanding what is still due (never negative)
 * @param online      whether online payment (VNPay) is offered
 * @param transfer    whether bank transfer (VietQR) is offered
 */
public record PaymentSummary(FeeAssessment assessment, List<Payment> payments, long paid, long outstanding,
                             boolean online, boolean transfer) {

    public boolean settled() {
        return outstanding == 0;
    }

    public boolean due() {
        return assessment.total() > 0;
    }

    /**
     * Whether the dossier's pages show its fees: anything due or paid, or an exempt group declared, which the officer
     * must see to check its proof.
     */
    public boolean shown() {
        return due() || !payments.isEmpty() || assessment.exemption() != null;
    }
}
