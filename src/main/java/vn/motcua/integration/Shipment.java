package vn.motcua.integration;

import java.time.Instant;
import java.util.List;

/**
 * A shipment of a dossier by the postal service, with its history, oldest first.
 *
 * @param fee            in VND, paid to the postal service on pickup or delivery
 * @param trackingNumber the postal service's number, null until booked
 */
public record Shipment(long id, String dossierCode, ShipmentKind kind, String recipientName, String phone,
                       String address, String note, long fee, ShipmentStatus status, Instant statusAt,
                       String trackingNumber, Instant createdAt, Instant bookedAt, List<Event> history) {

    /**
     * @param source SYSTEM (asked for, booked, cancelled here), CALLBACK or POLL (reported by the postal service)
     */
    public record Event(ShipmentStatus status, Instant at, String note, String source) {
    }

    public Shipment withHistory(List<Event> events) {
        return new Shipment(id, dossierCode, kind, recipientName, phone, address, note, fee, status, statusAt,
                trackingNumber, createdAt, bookedAt, List.copyOf(events));
    }
}
