package vn.motcua.payment;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.DossierFacts;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Role;
import vn.motcua.payment.internal.PaymentRepository;

import static vn.motcua.payment.DossierPayments.refuseUnless;

/** Paying at the reception counter, in cash or by card: the order is opened and paid at once. */
@Service
public class CounterPayments {

    private final DossierPayments dossierPayments;
    private final PaymentRepository repository;
    private final Clock clock;

    CounterPayments(DossierPayments dossierPayments, PaymentRepository repository, Clock clock) {
        this.dossierPayments = dossierPayments;
        this.repository = repository;
        this.clock = clock;
    }

    /** A reception officer took what is due in cash or by card; the receipt is issued at once. */
    @Transactional
    public Payment recordAtCounter(String dossierCode, PaymentMethod method, String slip, Actor officer) {
        refuseUnless(method != null && method.atCounter(), "payment.counter.method");
        DossierFacts facts = dossierPayments.officialPayable(dossierCode, officer);
        refuseUnless(officer.has(Role.RECEPTION), "payment.counter.notReception");
        refuseUnless(method != PaymentMethod.CARD || slip != null && !slip.isBlank(), "payment.counter.slipRequired");
        repository.lockDossier(dossierCode);
        Payment order = dossierPayments.open(facts, method, officer.username(), null);
        return dossierPayments.markPaid(order, clock.instant(), method == PaymentMethod.CARD ? slip.strip() : null,
                null, officer.username());
    }
}
