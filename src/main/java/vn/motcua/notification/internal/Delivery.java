package vn.motcua.notification.internal;

/**
 * One message to one recipient over one channel, as claimed for sending.
 *
 * @param subject  the email subject, null for SMS
 * @param attempts attempts made before this one
 */
record Delivery(long id, String dossierCode, EventKind kind, NotificationChannel channel, String recipient,
                       String subject, String body, int attempts) {
}
