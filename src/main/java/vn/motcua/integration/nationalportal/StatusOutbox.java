package vn.motcua.integration.nationalportal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

/**
 * Writes a status message for the national portal for every status change of every dossier, while the connection is
 * configured. It listens synchronously, in the transaction of the change (the dossier module publishes its events
 * from inside its {@code @Transactional} services), so the message commits or rolls back with the change and no
 * change is ever left without its message: the transactional outbox the sender then drains.
 */
@Component
class StatusOutbox {

    private final NationalPortalProperties connection;
    private final StatusSyncRepository outbox;
    private final JsonMapper json;

    StatusOutbox(NationalPortalProperties connection, StatusSyncRepository outbox, JsonMapper json) {
        this.connection = connection;
        this.outbox = outbox;
        this.json = json;
    }

    @EventListener({DossierSubmitted.class, DossierReceived.class, StepCompleted.class, DossierTransferred.class,
            ApologyIssued.class, SupplementRequested.class, SupplementReceived.class, DossierRefused.class,
            DossierWithdrawn.class, ResultReady.class, DossierReturned.class})
    @Transactional // joins the change's transaction (REQUIRED); only an event published outside one gets its own
    void on(Record event) {
        if (!connection.configured()) {
            return;
        }
        Change c = change(event);
        boolean receivedBefore = outbox.receivedBefore(c.ref().code());
        String status = StatusMapping.status(event, receivedBefore);
        StatusSyncRepository.DossierLine line = outbox.nextLine(c.ref().code(), c.ref().competentAgencyCode(),
                c.receivedAt(), c.dueAt(), c.returnedAt());
        UUID id = UUID.randomUUID();
        ObjectNode m = json.createObjectNode();
        m.put(StatusMapping.MESSAGE_ID, id.toString());
        m.put(StatusMapping.DOSSIER_CODE, c.ref().code());
        m.putNull(StatusMapping.NATIONAL_CODE); // filled in when sent: the intake may record it later
        m.put(StatusMapping.PROCEDURE_CODE, c.ref().procedureCode());
        m.put(StatusMapping.SEQUENCE, line.seq());
        m.put(StatusMapping.STATUS, status);
        m.put(StatusMapping.UPDATED_AT, StatusMapping.dateTime(c.at()));
        m.put(StatusMapping.RECEIVED_AT, StatusMapping.dateTime(line.receivedAt()));
        m.put(StatusMapping.DUE_AT, StatusMapping.dateTime(line.dueAt()));
        m.put(StatusMapping.RETURNED_AT, StatusMapping.dateTime(line.returnedAt()));
        m.put(StatusMapping.AGENCY, c.ref().competentAgencyCode());
        m.put(StatusMapping.CHANNEL, StatusMapping.channel(c.ref().channel()));
        outbox.insert(id, c.ref().code(), line.seq(), event.getClass().getSimpleName(), status,
                c.ref().competentAgencyCode(), c.at(), json.writeValueAsString(m));
    }

    /** What a change says: its dossier, when it happened and the dates it sets (null: unchanged). */
    private record Change(DossierRef ref, Instant at, Instant receivedAt, Instant dueAt, Instant returnedAt) {
    }

    private static Change change(Record event) {
        return switch (event) {
            case DossierSubmitted e -> new Change(e.dossier(), e.at(), null, null, null);
            case DossierReceived e -> new Change(e.dossier(), e.receivedAt(), e.receivedAt(), e.dueAt(), null);
            case StepCompleted e -> new Change(e.dossier(), e.at(), null, null, null);
            case DossierTransferred e -> new Change(e.dossier(), e.at(), null, null, null);
            case ApologyIssued e -> new Change(e.dossier(), e.at(), null, e.newDueAt(), null);
            case SupplementRequested e -> new Change(e.dossier(), e.at(), null, null, null);
            case SupplementReceived e -> new Change(e.dossier(), e.at(), null, e.dueAt(), null);
            case DossierRefused e -> new Change(e.dossier(), e.at(), null, null, null);
            case DossierWithdrawn e -> new Change(e.dossier(), e.at(), null, null, null);
            case ResultReady e -> new Change(e.dossier(), e.at(), null, null, null);
            case DossierReturned e -> new Change(e.dossier(), e.at(), null, null, e.at());
            default -> throw new IllegalArgumentException("not a dossier status change: " + event);
        };
    }
}
