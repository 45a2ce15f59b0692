package vn.motcua.integration.postal;

import static vn.motcua.platform.text.Texts.blank;
import static vn.motcua.platform.text.Texts.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import vn.motcua.integration.Shipment;
import vn.motcua.integration.ShipmentStatus;
import vn.motcua.integration.postal.PostalGateway.BookingRequest;
import vn.motcua.integration.postal.PostalGateway.PostalException;
import vn.motcua.integration.postal.ShipmentRepository.Claimed;

/**
 * Books shipments with the postal service and follows them. A shipment is booked when it becomes due (at once for a
 * pickup, when the result goes out by post for a delivery); a failed booking is kept as BOOKING_FAILED and tried
 * again every {@code retry-interval} after a growing delay. Shipments under way are polled every
 * {@code poll-interval}, besides what the postal service's callbacks report. Nothing here throws at its caller:
 * a postal problem never breaks the dossier action behind it. With the postal service off, nothing runs.
 */
@Component
public class PostalBookings implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PostalBookings.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final ShipmentRepository shipments;
    private final PostalGateway gateway;
    private final PostalProperties properties;
    private final Clock clock;

    PostalBookings(ShipmentRepository shipments, PostalGateway gateway, PostalProperties properties, Clock clock) {
        this.shipments = shipments;
        this.gateway = gateway;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!gateway.available()) {
            return;
        }
        registrar.addFixedDelayTask(new FixedDelayTask(this::bookDue, properties.retryInterval(),
                properties.retryInterval()));
        registrar.addFixedDelayTask(new FixedDelayTask(this::pollOnce, properties.pollInterval(),
                properties.pollInterval()));
    }

    /** Books this shipment now if it is due and no other node is booking it; never throws. */
    public void bookNow(long id) {
        if (!gateway.available()) {
            return;
        }
        try {
            shipments.claimDue(id, properties.lease()).ifPresent(this::book);
        } catch (RuntimeException e) {
            log.warn("Postal shipment {} could not be booked now; it will be retried", id, e);
        }
    }

    /**
     * One round: books the due shipments one after the other, up to the batch size.
     *
     * @return how many were tried
     */
    public int bookDue() {
        if (!gateway.available()) {
            return 0;
        }
        for (int tried = 0; tried < properties.batchSize(); tried++) {
            Optional<Claimed> next = shipments.claimDue(null, properties.lease());
            if (next.isEmpty()) {
                return tried;
            }
            book(next.get());
        }
        return properties.batchSize();
    }

    private void book(Claimed shipment) {
        if (blank(shipment.address())) {
            // Nothing to retry with: it stays BOOKING_FAILED for an official to see.
            shipments.markBookingFailed(shipment.id(), "no address", null, "Không có địa chỉ nhận");
            log.warn("Postal {} for dossier {} not booked: no address", shipment.kind(), shipment.dossierCode());
            return;
        }
        PostalGateway.Booking booking;
        try {
            booking = gateway.book(new BookingRequest(shipment.kind().name(), shipment.dossierCode(),
                    shipment.recipientName(), shipment.phone(), shipment.address(), shipment.note()),
                    "motcua-postal-" + shipment.id());
        } catch (PostalException e) {
            int failures = shipment.attempts() + 1;
            log.info("Postal {} for dossier {} not booked (attempt {}), will retry: {}", shipment.kind(),
                    shipment.dossierCode(), failures, e.getMessage());
            shipments.markBookingFailed(shipment.id(), abbreviate(e.getMessage()), properties.retryDelay(failures),
                    null);
            return;
        }
        ShipmentStatus status = reported(booking.status()).orElse(ShipmentStatus.BOOKED);
        shipments.markBooked(shipment.id(), booking.trackingNumber(), status);
        log.info("Postal {} for dossier {} booked: {}", shipment.kind(), shipment.dossierCode(),
                booking.trackingNumber());
    }

    /**
     * One round of polling: asks the postal service about the shipments under way, least recently changed first, up
     * to the batch size. Does nothing when the postal service is off.
     *
     * @return how many new statuses were recorded
     */
    public int pollOnce() {
        if (!gateway.available()) {
            return 0;
        }
        int recorded = 0;
        for (Shipment shipment : shipments.underWay(properties.batchSize())) {
            try {
                Optional<PostalGateway.Report> report = gateway.status(shipment.trackingNumber());
                if (report.isPresent() && record(shipment, report.get().status(), report.get().at(),
                        report.get().note(), "POLL")) {
                    recorded++;
                }
            } catch (PostalException e) {
                log.info("Postal shipment {} could not be polled: {}", shipment.trackingNumber(), e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Postal shipment {} could not be polled", shipment.trackingNumber(), e);
            }
        }
        return recorded;
    }

    /**
     * Records what the postal service reported about a shipment, once.
     *
     * @param at when the status was reached; when the postal service did not say, the status counts as new only if
     *           it differs from the shipment's
     * @return whether it was new
     */
    public boolean record(Shipment shipment, String status, Instant at, String note, String source) {
        Optional<ShipmentStatus> reported = reported(status);
        if (reported.isEmpty()) {
            log.warn("Postal shipment {}: unknown status {}", shipment.trackingNumber(), status);
            return false;
        }
        if (at == null && reported.get() == shipment.status()) {
            return false;
        }
        return shipments.report(shipment.id(), reported.get(), at == null ? clock.instant() : at,
                blankToNull(note), source);
    }

    /** A status the postal service reports, from its name in any case. */
    public static Optional<ShipmentStatus> reported(String status) {
        if (status == null) {
            return Optional.empty();
        }
        try {
            ShipmentStatus value = ShipmentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            return ShipmentStatus.REPORTED.contains(value) ? Optional.of(value) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String error) {
        return error == null ? null : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
    }
}
