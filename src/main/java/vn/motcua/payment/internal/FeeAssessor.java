package vn.motcua.payment.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FeeExemption;
import vn.motcua.catalog.Procedure;
import vn.motcua.payment.FeeAssessment;
import vn.motcua.platform.text.VietnameseText;

/** Works out a dossier's fees from its procedure's schedule, its form (copies asked for) and a declared exemption. */
public final class FeeAssessor {

    /** More copies than this on one dossier is a typing mistake, not a request. */
    static final int MAX_COPIES = 1000;

    private FeeAssessor() {
    }

    /**
     * @param online whether the dossier was submitted online: fee schedules often charge less for it, and a fee whose
     *               description names a channel ("(nộp hồ sơ trực tuyến)", "(nộp hồ sơ trực tiếp)") applies only to
     *               dossiers of that channel
     */
    public static FeeAssessment assess(String dossierCode, Procedure procedure, Map<String, String> formData,
                                       boolean online, FeeExemption exemption, String checkedBy, Instant at) {
        List<FeeAssessment.Item> items = new ArrayList<>();
        long total = 0;
        for (Fee fee : procedure.fees()) {
            String description = VietnameseText.fold(fee.description());
            if (description.contains(online ? "nop ho so truc tiep" : "nop ho so truc tuyen")) {
                continue;
            }
            int quantity = fee.perCopy() ? copies(formData.get(fee.perCopyField())) : 1;
            boolean exempt = exemption != null && fee.exemptions().contains(exemption);
            long amount = exempt ? 0 : Math.multiplyExact(fee.amount(), (long) quantity);
            items.add(new FeeAssessment.Item(fee.description(), fee.amount(), quantity, fee.perCopy(), exempt, amount));
            total += amount;
        }
        return new FeeAssessment(dossierCode, procedure.code(), items, total, exemption, checkedBy, at);
    }

    private static int copies(String value) {
        try {
            int n = value == null ? 1 : Integer.parseInt(value.strip());
            return Math.clamp(n, 1, MAX_COPIES);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
