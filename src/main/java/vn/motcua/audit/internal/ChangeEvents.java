package vn.motcua.audit.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.motcua.catalog.CatalogChanged;
import vn.motcua.dossier.ApologyIssued;
import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierRef;
import vn.motcua.dossier.DossierRefused;
import vn.motcua.dossier.DossierReturned;
import vn.motcua.dossier.DossierSubmitted;
import vn.motcua.dossier.DossierTransferred;
import vn.motcua.dossier.DossierWithdrawn;
import vn.motcua.dossier.ResultReady;
import vn.motcua.dossier.StepCompleted;
import vn.motcua.dossier.SupplementReceived;
import vn.motcua.dossier.SupplementRequested;
import vn.motcua.feedback.PetitionClosed;
import vn.motcua.feedback.PetitionRated;
import vn.motcua.feedback.PetitionReceived;
import vn.motcua.feedback.RatingGiven;
import vn.motcua.payment.PaymentCompleted;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditOutcome;
import vn.motcua.platform.audit.AuditTrail;

/**
 * Records the changes other modules announce as events, just before their transaction commits: the entry is written
 * with the change or not at all (like reporting's feed). The actor is whoever made the request that changed it.
 */
@Component
@ConditionalOnProperty(name = "motcua.audit.enabled", havingValue = "true", matchIfMissing = true)
class ChangeEvents {

    private final AuditTrail trail;

    ChangeEvents(AuditTrail trail) {
        this.trail = trail;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DossierSubmitted e) {
        dossier(AuditAction.DOSSIER_SUBMITTED, e.dossier(), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DossierReceived e) {
        dossier(AuditAction.DOSSIER_RECEIVED, e.dossier(), "due " + e.dueAt());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(StepCompleted e) {
        dossier(AuditAction.DOSSIER_STEP_COMPLETED, e.dossier(), e.action() + " " + e.fromStep() + "->" + e.toStep());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(SupplementRequested e) {
        dossier(AuditAction.DOSSIER_SUPPLEMENT_REQUESTED, e.dossier(), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(SupplementReceived e) {
        dossier(AuditAction.DOSSIER_SUPPLEMENTED, e.dossier(), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DossierTransferred e) {
        dossier(AuditAction.DOSSIER_TRANSFERRED, e.dossier(), "to " + e.targetAgency() + " as " + e.childCode());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DossierRefused e) {
        dossier(AuditAction.DOSSIER_REFUSED, e.dossier(), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DossierWithdrawn e) {
        dossier(AuditAction.DOSSIER_WITHDRAWN, e.dossier(), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DossierReturned e) {
        dossier(AuditAction.DOSSIER_RETURNED, e.dossier(), e.returnMethod());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ResultReady e) {
        dossier(AuditAction.RESULT_READY, e.dossier(), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ApologyIssued e) {
        dossier(AuditAction.APOLOGY_ISSUED, e.dossier(), "new due " + e.newDueAt());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PaymentCompleted e) {
        trail.record(AuditAction.PAYMENT_COMPLETED, e.dossierCode(), null, AuditOutcome.OK,
                e.method() + " " + e.amount() + " " + e.reference());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(RatingGiven e) {
        trail.changed(AuditAction.RATING_GIVEN, e.dossierCode(), e.via());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PetitionReceived e) {
        trail.changed(AuditAction.PETITION_RECEIVED, e.number(), e.dossierCode());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PetitionClosed e) {
        trail.changed(AuditAction.PETITION_CLOSED, e.number(), e.outcome());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PetitionRated e) {
        trail.changed(AuditAction.PETITION_RATED, e.number(), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(CatalogChanged e) {
        trail.changed(AuditAction.CATALOG_CHANGED, null, e.procedures() + " procedure(s)");
    }

    private void dossier(AuditAction action, DossierRef ref, String detail) {
        trail.record(action, ref.code(), AuditTrail.dataSubject(ref.applicant().username(), ref.applicant().idNumber()),
                AuditOutcome.OK, detail);
    }
}
