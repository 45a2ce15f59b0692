package vn.motcua.integration.postal;

import static vn.motcua.platform.text.Texts.blankToNull;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierRefused;
import vn.motcua.dossier.DossierReturned;
import vn.motcua.dossier.DossierWithdrawn;
import vn.motcua.integration.Shipment;
import vn.motcua.integration.ShipmentKind;

/**
 * Postal shipments that follow from what happens to a dossier. When the result is returned by post, the delivery is
 * booked: to the address the applicant gave, or else to the applicant's address on the dossier. When it is returned
 * otherwise, or the dossier is withdrawn or refused, requests not yet booked are cancelled. Each listener runs after
 * the dossier's transaction committed, in its own; the booking itself happens after that commits, and a failed one
 * is retried later. An event delivered again finds the shipment booked or due already and changes nothing.
 */
@Component
class DossierShipments {

    private final ShipmentRepository shipments;
    private final PostalBookings bookings;
    private final PostalGateway gateway;
    private final PostalProperties properties;

    DossierShipments(ShipmentRepository shipments, PostalBookings bookings, PostalGateway gateway,
                     PostalProperties properties) {
        this.shipments = shipments;
        this.bookings = bookings;
        this.gateway = gateway;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(DossierReturned event) {
        String code = event.dossier().code();
        shipments.lockDossier(code);
        var requested = shipments.open(code, ShipmentKind.DELIVERY);
        if (!"POST".equals(event.returnMethod())) {
            requested.filter(s -> s.status().unbooked())
                    .ifPresent(s -> shipments.cancelUnbooked(s.id(), "Kết quả được trả theo hình thức khác"));
            return;
        }
        if (!gateway.available()) {
            return; // off: nothing is booked; the officials know the postal service is not connected
        }
        long id;
        if (requested.isPresent()) {
            if (!requested.get().status().unbooked()) {
                return; // booked already: this event was delivered before
            }
            id = requested.get().id();
            shipments.makeDue(id);
        } else {
            Applicant applicant = event.dossier().applicant();
            id = shipments.insert(code, ShipmentKind.DELIVERY,
                    applicant.fullName() == null ? "" : applicant.fullName(), blankToNull(applicant.phone()),
                    blankToNull(applicant.address()), null, properties.fees().delivery(), null, true);
        }
        afterCommit(() -> bookings.bookNow(id));
    }

    @ApplicationModuleListener
    void on(DossierWithdrawn event) {
        cancelRequests(event.dossier().code(), "Hồ sơ đã được rút");
    }

    @ApplicationModuleListener
    void on(DossierRefused event) {
        cancelRequests(event.dossier().code(), "Hồ sơ bị từ chối");
    }

    private void cancelRequests(String code, String note) {
        shipments.lockDossier(code);
        List<Shipment> all = shipments.ofDossier(code);
        all.stream().filter(s -> s.status().unbooked()).forEach(s -> shipments.cancelUnbooked(s.id(), note));
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
