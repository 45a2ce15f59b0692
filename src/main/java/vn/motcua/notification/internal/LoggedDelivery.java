package vn.motcua.notification.internal;

import java.time.Instant;

/**
 * One message of the delivery log.
 *
 * @param address   the email address or phone number, masked beyond what tells them apart
 * @param subject   the email subject, null for SMS
 * @param sentAt    when the SMTP server or gateway took it
 * @param receiptAt when the gateway reports it delivered or given up
 * @param note      why it failed, was skipped or was not delivered; null otherwise
 */
public record LoggedDelivery(long id, String dossierCode, EventKind kind, NotificationChannel channel, String address,
                             String subject, String body, DeliveryState state, Instant createdAt, Instant sentAt,
                             Instant receiptAt, String note) {
}
