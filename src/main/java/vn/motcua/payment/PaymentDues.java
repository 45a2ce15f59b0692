package vn.motcua.payment;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.FeeExemption;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.DossierFacts;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FeeGate;
import vn.motcua.identity.Actor;
import vn.motcua.payment.internal.FeeAssessor;
import vn.motcua.payment.internal.PaymentRepository;
import vn.motcua.payment.internal.VnpayGateway;
import vn.motcua.platform.web.UserFacingException;

import static vn.motcua.payment.DossierPayments.refuseUnless;

/**
 * What a dossier owes and has paid, and the fee exemptions that change it. A dossier's fees are assessed live from its
 * procedure's schedule until the first payment, and frozen from then on. The ways of paying are {@link OnlinePayments},
 * {@link BankTransfers} and {@link CounterPayments}; each payment's receipt comes from {@link Receipts}.
 */
@Service
public class PaymentDues implements FeeGate {

    private final DossierPayments dossierPayments;
    private final PaymentRepository repository;
    private final DossierQueries dossiers;
    private final CatalogService catalog;
    private final VnpayGateway vnpay;
    private final PaymentProperties properties;
    private final Clock clock;

    PaymentDues(DossierPayments dossierPayments, PaymentRepository repository, DossierQueries dossiers, CatalogService catalog,
                VnpayGateway vnpay, PaymentProperties properties, Clock clock) {
        this.dossierPayments = dossierPayments;
        this.repository = repository;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.vnpay = vnpay;
        this.properties = properties;
        this.clock = clock;
    }

    // =================================================================== what is due

    /**
     * A dossier's fees and payments, for a page that has already checked its viewer may see the dossier; empty for a
     * draft or an unknown code.
     */
    public Optional<PaymentSummary> summary(String dossierCode) {
        return dossiers.facts(dossierCode).map(this::summary);
    }

    /** A dossier's fees and payments, for a viewer who may see the dossier. */
    public PaymentSummary summary(String dossierCode, Actor viewer) {
        dossiers.requireVisible(dossierCode, viewer);
        return summary(dossierCode).orElseThrow(() -> UserFacingException.notFound("dossier.notFound", dossierCode));
    }

    /**
     * A submitted dossier's fees and payments, for its page, from the view the page loaded (and checked its viewer
     * against) rather than a second read of the dossier.
     */
    public PaymentSummary summary(DossierView dossier) {
        return summary(dossier.code(), dossierPayments.assessment(dossier.code(), dossier.procedureCode(),
                dossier.formData(), DossierPayments.online(dossier.channel())));
    }

    private PaymentSummary summary(DossierFacts facts) {
        return summary(facts.ref().code(), dossierPayments.assessment(facts));
    }

    private PaymentSummary summary(String dossierCode, FeeAssessment assessment) {
        List<Payment> payments = repository.ofDossier(dossierCode);
        long paid = payments.stream().filter(p -> p.state() == PaymentState.PAID).mapToLong(Payment::amount).sum();
        return new PaymentSummary(assessment, payments, paid, Math.max(0, assessment.total() - paid), vnpay.enabled(),
                properties.bank().configured());
    }

    /**
     * Asked by the dossier module before the steps its process makes wait for payment. An exempt group the applicant
     * declared exempts nothing here until an officer has seen its proof.
     */
    @Override
    public boolean paid(DossierFacts dossier) {
        FeeAssessment assessment = dossierPayments.assessment(dossier);
        if (assessment.exemption() != null && assessment.exemptionCheckedBy() == null) {
            return false;
        }
        return assessment.total() <= repository.paidTotal(dossier.ref().code());
    }

    // =================================================================== exemptions

    /** The exempt groups any fee of the procedure names, in a fixed order. */
    public List<FeeExemption> exemptionsFor(String procedureCode) {
        Set<FeeExemption> groups = EnumSet.noneOf(FeeExemption.class);
        catalog.procedure(procedureCode).ifPresent(p -> p.fees().forEach(f -> groups.addAll(f.exemptions())));
        return List.copyOf(groups);
    }

    /**
     * The applicant declares (or withdraws, with null) the exempt group they belong to, before paying; an officer
     * checks the proof at reception. Once something is paid the assessment no longer changes.
     */
    @Transactional
    public FeeAssessment declareExemption(String dossierCode, FeeExemption group, Actor applicant) {
        DossierFacts facts = dossierPayments.ownPayable(dossierCode, applicant);
        // What an officer checked against the proof stands; the applicant changes it at the counter.
        refuseUnless(repository.assessment(dossierCode).map(FeeAssessment::exemptionCheckedBy).isEmpty(),
                "payment.exemption.alreadyChecked");
        return setExemption(facts, group, null);
    }

    /** An officer records the exempt group whose proof they saw (or clears it). */
    @Transactional
    public FeeAssessment checkExemption(String dossierCode, FeeExemption group, Actor officer) {
        DossierFacts facts = dossierPayments.officialPayable(dossierCode, officer);
        return setExemption(facts, group, group == null ? null : officer.username());
    }

    private FeeAssessment setExemption(DossierFacts facts, FeeExemption group, String checkedBy) {
        String code = facts.ref().code();
        repository.lockDossier(code);
        refuseUnless(repository.paidTotal(code) == 0, "payment.exemption.afterPayment");
        Procedure procedure = catalog.procedure(facts.ref().procedureCode()).orElseThrow();
        refuseUnless(group == null || procedure.fees().stream().anyMatch(f -> f.exemptions().contains(group)),
                "payment.exemption.notApplicable");
        FeeAssessment a = FeeAssessor.assess(code, procedure, facts.formData(), DossierPayments.online(facts), group,
                checkedBy, clock.instant());
        repository.save(a);
        return a;
    }
}
