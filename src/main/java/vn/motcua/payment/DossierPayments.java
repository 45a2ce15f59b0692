package vn.motcua.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierFacts;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.identity.Actor;
import vn.motcua.payment.internal.FeeAssessor;
import vn.motcua.payment.internal.PaymentRepository;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.platform.web.VietnamTime;

/**
 * What every way of paying shares: a dossier's assessment and what is still due, who may pay it, opening an order and
 * marking it paid. Callers hold the dossier's lock ({@link PaymentRepository#lockDossier}) around a change.
 */
@Component
class DossierPayments {

    private static final Set<DossierStatus> PAYABLE = EnumSet.of(DossierStatus.SUBMITTED, DossierStatus.RECEIVED,
            DossierStatus.PROCESSING, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.RESULT_READY);

    private final PaymentRepository repository;
    private final DossierQueries dossiers;
    private final CatalogService catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DossierPayments(PaymentRepository repository, DossierQueries dossiers, CatalogService catalog,
                    ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    FeeAssessment assessment(DossierFacts facts) {
        return assessment(facts.ref().code(), facts.ref().procedureCode(), facts.formData(), online(facts.ref().channel()));
    }

    /** The stored assessment once anything is paid; until then, worked out afresh with the declared exemption. */
    FeeAssessment assessment(String code, String procedureCode, Map<String, String> formData, boolean online) {
        Optional<FeeAssessment> stored = repository.assessment(code);
        if (stored.isPresent() && repository.paidTotal(code) > 0) {
            return stored.get();
        }
        Procedure procedure = catalog.procedure(procedureCode).orElseThrow();
        return FeeAssessor.assess(code, procedure, formData, online,
                stored.map(FeeAssessment::exemption).orElse(null),
                stored.map(FeeAssessment::exemptionCheckedBy).orElse(null), clock.instant());
    }

    long outstanding(DossierFacts facts) {
        return Math.max(0, assessment(facts).total() - repository.paidTotal(facts.ref().code()));
    }

    static boolean online(DossierFacts facts) {
        return online(facts.ref().channel());
    }

    static boolean online(Channel channel) {
        return channel == Channel.ONLINE || channel == Channel.NATIONAL_PORTAL;
    }

    /** Opens an order for what is still due, under the dossier's lock. */
    Payment open(DossierFacts facts, PaymentMethod method, String by, Instant expiresAt) {
        String code = facts.ref().code();
        repository.lockDossier(code);
        long outstanding = outstanding(facts);
        refuseUnless(outstanding > 0, "payment.nothingDue");
        // The assessment the order is made for is kept: it is what the receipt will list.
        repository.save(assessment(facts));
        return repository.insert(repository.nextReference(), code, method, outstanding, clock.instant(), by, expiresAt);
    }

    /**
     * The dossier's open order of this method for what is still due, under the dossier's lock, or a new one when it has
     * none: a second click pays the same order, not a second one. An order past its expiry is not offered again.
     */
    Payment openOrReuse(DossierFacts facts, PaymentMethod method, String by, Instant expiresAt) {
        String code = facts.ref().code();
        repository.lockDossier(code);
        long outstanding = outstanding(facts);
        Instant now = clock.instant();
        return repository.ofDossier(code).stream()
                .filter(p -> p.method() == method && p.state() == PaymentState.CREATED && p.amount() == outstanding
                        && (p.expiresAt() == null || p.expiresAt().isAfter(now)))
                .findFirst()
                .orElseGet(() -> open(facts, method, by, expiresAt));
    }

    /** Marks an order paid under the dossier's lock, numbers its receipt, and announces it. */
    Payment markPaid(Payment order, Instant paidAt, String transactionRef, String bankCode, String recordedBy) {
        if (!order.state().mayBecome(PaymentState.PAID)) {
            // Every caller checks the graph first, with the answer its channel gives: reaching here is a bug.
            throw new IllegalStateException("Payment " + order.reference() + " cannot become PAID from "
                    + order.state());
        }
        DossierFacts facts = dossiers.facts(order.dossierCode()).orElseThrow();
        boolean excess = outstanding(facts) == 0;
        String receipt = repository.nextReceiptNumber(LocalDate.ofInstant(paidAt, VietnamTime.ZONE).getYear());
        repository.markPaid(order.id(), paidAt, transactionRef, bankCode, receipt, recordedBy, excess);
        boolean settled = outstanding(facts) == 0;
        events.publishEvent(new PaymentCompleted(order.dossierCode(), order.reference(), order.method(),
                order.amount(), receipt, settled, paidAt));
        return repository.find(order.id()).orElseThrow();
    }

    /** Moves an order to a final state other than PAID, when its graph allows it; answers whether it moved. */
    boolean mark(Payment order, PaymentState next, String note) {
        if (!order.state().mayBecome(next)) {
            return false;
        }
        repository.mark(order.id(), next, note);
        return true;
    }

    /** The applicant's own dossier; any other is not found. */
    DossierFacts ownDossier(String dossierCode, Actor applicant) {
        DossierView view = dossiers.view(dossierCode, applicant);
        if (view.applicant() == null || !applicant.username().equals(view.applicant().username())) {
            throw UserFacingException.notFound("dossier.notFound", dossierCode);
        }
        return dossiers.facts(dossierCode).orElseThrow();
    }

    DossierFacts ownPayable(String dossierCode, Actor applicant) {
        DossierFacts facts = ownDossier(dossierCode, applicant);
        refuseUnless(PAYABLE.contains(facts.status()), "payment.notPayable");
        return facts;
    }

    /** A dossier an official may see and take payment for, a returned one included. */
    DossierFacts officialPayable(String dossierCode, Actor officer) {
        if (!officer.isOfficial()) {
            throw UserFacingException.notFound("dossier.notFound", dossierCode);
        }
        dossiers.requireVisible(dossierCode, officer);
        DossierFacts facts = dossiers.facts(dossierCode).orElseThrow();
        refuseUnless(PAYABLE.contains(facts.status()) || facts.status() == DossierStatus.RETURNED,
                "payment.notPayable");
        return facts;
    }

    static void refuseUnless(boolean condition, String key, Object... args) {
        if (!condition) {
            throw new UserFacingException(HttpStatus.CONFLICT, "payment_refused", key, args);
        }
    }
}
