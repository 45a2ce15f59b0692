package vn.motcua.payment.web;

import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.FeeExemption;
import vn.motcua.dossier.DossierPanel;
import vn.motcua.dossier.DossierView;
import vn.motcua.identity.Actor;
import vn.motcua.payment.PaymentDues;
import vn.motcua.payment.PaymentSummary;

/**
 * A dossier's fees on its pages ({@code payment/panel}): what is due and the ways to pay it for the applicant; the
 * same figures, the counter's payment and the transfers to confirm for officials. Shown once anything is due or paid.
 */
@Component
@Order(100)
class PaymentPanel implements DossierPanel {

    private final PaymentDues payments;

    PaymentPanel(PaymentDues payments) {
        this.payments = payments;
    }

    @Override
    public Optional<Shown> show(DossierView dossier, Actor viewer, Page page) {
        if (page == Page.DRAFT) {
            return Optional.empty();
        }
        PaymentSummary summary = payments.summary(dossier);
        if (!summary.shown()) {
            return Optional.empty();
        }
        // The exempt groups are offered only while nothing is paid.
        List<FeeExemption> exemptions = summary.paid() == 0 ? payments.exemptionsFor(dossier.procedureCode()) : List.of();
        return Optional.of(new Shown(Place.ABOVE_DOCUMENTS, "payment/panel",
                page == Page.OFFICIAL ? "official" : "applicant", new Fees(dossier.code(), summary, exemptions)));
    }

    /** What the fragment shows: the summary, and the exempt groups the procedure's fees name. */
    public record Fees(String code, PaymentSummary summary, List<FeeExemption> exemptions) {
    }
}
