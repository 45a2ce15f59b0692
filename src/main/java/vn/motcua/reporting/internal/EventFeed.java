package vn.motcua.reporting.internal;

import java.time.Instant;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

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
 * Turns the events of other modules into facts of the read model, after their transaction commits. The outbox
 * (Spring Modulith's event publication registry) retries a listener that failed, so no event is lost; a repeated one
 * is recognised by the history.
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

    @ApplicationModuleListener
    void on(DossierSubmitted e) {
        model.record(dossier(e.dossier(), Kind.SUBMITTED, e.at(), null, 0, 0, false, null));
    }

    @ApplicationModuleListener
    void on(DossierReceived e) {
        model.record(dossier(e.dossier(), Kind.RECEIVED, e.receivedAt(), e.dueAt(), e.digitisedFiles(),
                e.storedDocuments(), e.dossier().applicant().username() != null, null));
    }

    @ApplicationModuleListener
    void on(SupplementRequested e) {
        model.record(dossier(e.dossier(), Kind.SUPPLEMENT_REQUESTED, e.at(), null, 0, 0, false, null));
    }

    @ApplicationModuleListener
    void on(SupplementReceived e) {
        model.record(dossier(e.dossier(), Kind.SUPPLEMENT_RECEIVED, e.at(), e.legalDueAt(), 0, 0, false, null));
    }

    @ApplicationModuleListener
    void on(DossierTransferred e) {
        model.record(dossier(e.dossier(), Kind.TRANSFERRED, e.at(), null, 0, 0, false, e.childCode()));
    }

    @ApplicationModuleListener
    void on(ResultReady e) {
        model.record(dossier(e.dossier(), Kind.RESULT_READY, e.at(), null, 0, 0,
                e.dossier().applicant().username() != null, null));
    }

    @ApplicationModuleListener
    void on(DossierReturned e) {
        model.record(dossier(e.dossier(), Kind.RETURNED, e.at(), null, 0, 0, false, null));
    }

    @ApplicationModuleListener
    void on(DossierRefused e) {
        model.record(dossier(e.dossier(), Kind.REFUSED, e.at(), null, 0, 0, false, null));
    }

    @ApplicationModuleListener
    void on(DossierWithdrawn e) {
        model.record(dossier(e.dossier(), Kind.WITHDRAWN, e.at(), null, 0, 0, false, null));
    }

    @ApplicationModuleListener
    void on(PaymentCompleted e) {
        model.record(new Fact(e.dossierCode(), Kind.PAID, e.at(), null, null, null, null,
                e.method().atCounter() ? 0 : 1, 0, e.amount(), e.settled(), e.reference()));
    }

    @ApplicationModuleListener
    void on(RatingGiven e) {
        model.record(new Fact(e.dossierCode(), Kind.RATED, e.at(), e.agencyCode(), e.procedureCode(), null, null,
                0, 0, 0, e.satisfied(), null));
    }

    @ApplicationModuleListener
    void on(PetitionReceived e) {
        model.record(new Fact(e.number(), Kind.PETITION_RECEIVED, e.at(), e.agencyCode(), e.procedureCode(), "", null,
                0, 0, 0, false, e.dossierCode()));
    }

    @ApplicationModuleListener
    void on(PetitionClosed e) {
        model.record(new Fact(e.number(), Kind.PETITION_CLOSED, e.at(), e.agencyCode(), e.procedureCode(), "", null,
                0, 0, 0, e.onTime(), null));
    }

    @ApplicationModuleListener
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
