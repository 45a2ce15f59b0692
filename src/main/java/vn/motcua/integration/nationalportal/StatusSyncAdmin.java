package vn.motcua.integration.nationalportal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditTrail;
import vn.motcua.platform.web.UserFacingException;

/**
 * The administrator's view of the status sync (permission {@code NATIONAL_LAYER_MANAGE}, checked on the route): the
 * backlog, the messages that failed, the reconciliations; and sending a message or all failed ones again, each
 * recorded in the audit trail with its author. Sending again makes the message due now, for the next round; it keeps
 * its {@code MessageId}, so a message the national portal had already taken is acknowledged again without effect.
 */
@Service
public class StatusSyncAdmin {

    static final int MAX_FAILURES = 200;
    static final int RECONCILIATION_DAYS = 14;

    private final StatusSyncRepository outbox;
    private final ReconciliationRepository reconciliations;
    private final NationalPortalProperties connection;
    private final StatusSyncProperties settings;
    private final AuditTrail audit;

    StatusSyncAdmin(StatusSyncRepository outbox, ReconciliationRepository reconciliations,
                    NationalPortalProperties connection, StatusSyncProperties settings, AuditTrail audit) {
        this.outbox = outbox;
        this.reconciliations = reconciliations;
        this.connection = connection;
        this.settings = settings;
        this.audit = audit;
    }

    /** What the page shows. */
    public record Overview(boolean configured, StatusSyncRepository.Backlog backlog,
                           List<StatusSyncRepository.Failure> failures, List<ReconciliationRepository.Day> days,
                           StatusSyncProperties settings) {
    }

    public Overview overview() {
        return new Overview(connection.configured(), outbox.backlog(), outbox.failures(MAX_FAILURES),
                reconciliations.latest(RECONCILIATION_DAYS), settings);
    }

    /**
     * Makes the message due now.
     *
     * @return its dossier's code
     * @throws UserFacingException 400 for an id that is no message id, 404 when no message waits under it
     */
    public String resend(String messageId) {
        UUID id;
        try {
            id = UUID.fromString(messageId == null ? "" : messageId.strip());
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badRequest("nationalSync.resend.badId");
        }
        String dossier = outbox.resend(id)
                .orElseThrow(() -> UserFacingException.notFound("nationalSync.resend.notWaiting", messageId));
        audit.changed(AuditAction.NATIONAL_SYNC_RESENT, dossier, id.toString());
        return dossier;
    }

    /** Makes every failed message due now. @return how many */
    public int resendFailed() {
        int n = outbox.resendFailed();
        audit.changed(AuditAction.NATIONAL_SYNC_RESENT_ALL, "national-portal", Integer.toString(n));
        return n;
    }
}
