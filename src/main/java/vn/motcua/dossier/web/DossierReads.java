package vn.motcua.dossier.web;

import org.springframework.stereotype.Component;

import vn.motcua.identity.Actor;
import vn.motcua.dossier.DossierView;
import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditOutcome;
import vn.motcua.platform.audit.AuditTrail;

/**
 * Puts each read of a dossier's personal data on the audit trail before it is served: by officials and systems,
 * not by the applicant reading their own dossier. The subject is always the dossier code, so that the applicant's
 * "who looked at my data" finds it.
 */
@Component
class DossierReads {

    private final AuditTrail trail;

    DossierReads(AuditTrail trail) {
        this.trail = trail;
    }

    void viewed(DossierView dossier, Actor viewer) {
        read(AuditAction.DOSSIER_VIEWED, dossier, viewer, null);
    }

    void file(DossierView dossier, Actor viewer, long fileId) {
        read(AuditAction.FILE_DOWNLOADED, dossier, viewer, "file " + fileId);
    }

    void form(DossierView dossier, Actor viewer, String number) {
        read(AuditAction.FORM_PRINTED, dossier, viewer, "form " + number);
    }

    /** Form 07 lists every dossier the agency received in the period: one entry for the whole list. */
    void dossierLog(Actor viewer, String period) {
        trail.record(AuditAction.FORM_PRINTED, viewer.agencyCode(), null, AuditOutcome.OK, "form 07 " + period);
    }

    /** A public look-up by code and phone digits; a miss is recorded too (someone guessing). */
    void tracked(String code, boolean found) {
        trail.record(AuditAction.TRACKING_LOOKUP, code == null ? null : code.strip(), null,
                found ? AuditOutcome.OK : AuditOutcome.FAILED, null);
    }

    private void read(AuditAction action, DossierView dossier, Actor viewer, String detail) {
        String owner = dossier.applicant() == null ? null : dossier.applicant().username();
        if (owner != null && owner.equals(viewer.username())) {
            return; // the applicant's own dossier
        }
        trail.record(action, dossier.code(), owner == null
                ? AuditTrail.dataSubject(null, dossier.applicant() == null ? null : dossier.applicant().idNumber())
                : owner, AuditOutcome.OK, detail);
    }
}
