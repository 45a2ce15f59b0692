package vn.motcua.reporting.internal;

import java.time.Instant;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierRef;
import vn.motcua.dossier.DossierRefused;
import vn.motcua.dossier.DossierReturned;
import vn.motcua.dossier.DossierSubmitted;
import vn.motcua.dossier.DossierTransferred;
import vn.motcua.dossier.DossierWithdrawn;
import vn.motcua.dossier.ResultReady;
import vn.motcua.dossier.SupplementReceived;
import vn.motcua.dossier.SupplementRequested;
import vn.motcua.feedback.PetitionClosed;
import vn.motcua.feedback.PetitionRated;
import vn.motcua.feedback.PetitionReceived;
import vn.motcua.feedback.RatingGiven;
import vn.motcua.payment.PaymentCompleted;
import vn.motcua.reporting.internal.Fact.Kind;

/**
 * Turns the events of other modules into facts of the read model's history, just before their transaction commits:
 * the fact is written with the change it records or not at all, so none is lost and none is told of a change that
 * was rolled back. A repeated event is recognised by the history. {@link ReadModel} folds the facts into the counts.
 *
 * <p>{@code motcua.reporting.live-feed=false} removes the listeners; it exists only so that {@code bench/} can measure
 * what keeping the read model live costs submissions. Events published while it is off never reach the history.
 */
@Component
@ConditionalOnProperty(name = "motcua.reporting.live-feed", havingValue = "true", matchIfMissing = true)
class EventFeed {

    private final ReadModel model;

    EventFeed(ReadModel model) {
        this.model = model;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DossierSubmitted e) {
        model.record(dossier(e.dossier(), Kind.SUBMITTED, e.at(), null, 0, 0, false, null));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DossierReceived e) {
        model.record(dossier(e.dossier(), Kind.RECEIVED, e.receivedAt(), e.dueAt(), e.digitisedFiles(),
                e.storedDocuments(), e.dossier().applicant().username() != null, null));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(SupplementRequested e) {
        model.record(dossier(e.dossier(), Kind.SUPPLEMENT_REQUESTED, e.at(), null, 0, 0, false, null));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(SupplementReceived e) {
        model.record(dossier(e.dossier(), Kind.SUPPLEMENT_RECEIVED, e.at(), e.legalDueAt(), 0, 0, false, null));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DossierTransferred e) {
        model.record(dossier(e.dossier(), Kind.TRANSFERRED, e.at(), null, 0, 0, false, e.childCode()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ResultReady e) {
        model.record(dossier(e.dossier(), Kind.RESULT_READY, e.at(), null, 0, 0,
                e.dossier().applicant().username() != null, null));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DossierReturned e) {
        model.record(dossier(e.dossier(), Kind.RETURNED, e.at(), null, 0, 0, false, null));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DossierRefused e) {
        model.record(dossier(e.dossier(), Kind.REFUSED, e.at(), null, 0, 0, false, null));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DossierWithdrawn e) {
        model.record(dossier(e.dossier(), Kind.WITHDRAWN, e.at(), null, 0, 0, false, null));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PaymentCompleted e) {
        model.record(new Fact(e.dossierCode(), Kind.PAID, e.at(), null, null, null, null,
                e.method().atCounter() ? 0 : 1, 0, e.amount(), e.settled(), e.reference()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(RatingGiven e) {
        model.record(new Fact(e.dossierCode(), Kind.RATED, e.at(), e.agencyCode(), e.procedureCode(), null, null,
                0, 0, 0, e.satisfied(), null));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PetitionReceived e) {
        model.record(new Fact(e.number(), Kind.PETITION_RECEIVED, e.at(), e.agencyCode(), e.procedureCode(), "", null,
                0, 0, 0, false, e.dossierCode()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PetitionClosed e) {
        model.record(new Fact(e.number(), Kind.PETITION_CLOSED, e.at(), e.agencyCode(), e.procedureCode(), "", null,
                0, 0, 0, e.onTime(), null));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PetitionRated e) {
        model.record(new Fact(e.number(), Kind.PETITION_RATED, e.at(), e.agencyCode(), e.procedureCode(), "", null,
                0, 0, 0, e.satisfied(), null));
    }

    private static Fact dossier(DossierRef ref, Kind kind, Instant at, Instant dueAt, int n1, int n2, boolean flag,
                                String detail) {
        return new Fact(ref.code(), kind, at, ref.competentAgencyCode(), ref.procedureCode(), ref.channel().name(),
                dueAt, n1, n2, 0, flag, detail);
    }
}
