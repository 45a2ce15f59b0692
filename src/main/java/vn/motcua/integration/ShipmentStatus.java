package vn.motcua.integration;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a shipment stands. The first two and the last are this system's; the others are the postal service's own,
 * reported by its callbacks or read when polling.
 */
public enum ShipmentStatus {
    /** Asked for, not yet booked: a pickup about to be booked, a delivery waiting for the result to be returned. */
    REQUESTED,
    /** The postal service did not take the booking (error, no answer); it is tried again later. */
    BOOKING_FAILED,
    BOOKED,
    PICKED_UP,
    IN_TRANSIT,
    DELIVERED,
    /** The courier could not pick up or deliver. */
    FAILED,
    /** Sent back to the sender. */
    RETURNED,
    /** Not needed any more: the dossier was withdrawn or refused, the result returned otherwise, or the applicant cancelled. */
    CANCELLED;

    /** The statuses the postal service reports. */
    public static final Set<ShipmentStatus> REPORTED = EnumSet.of(BOOKED, PICKED_UP, IN_TRANSIT, DELIVERED, FAILED,
            RETURNED);

    /** Booked and not finished: the postal service still has something to report. */
    public static final Set<ShipmentStatus> UNDER_WAY = EnumSet.of(BOOKED, PICKED_UP, IN_TRANSIT);

    /** Not booked yet; the applicant may still change or cancel it. */
    public boolean unbooked() {
        return this == REQUESTED || this == BOOKING_FAILED;
    }

    /** Nothing more will happen; the applicant may ask again (but not after a delivery succeeded). */
    public boolean ended() {
        return this == FAILED || this == RETURNED || this == CANCELLED;
    }
}
