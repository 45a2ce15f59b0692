package vn.motcua.notification.internal;

/** Where a delivery stands. */
enum DeliveryStatus {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** Accepted by the SMTP server or the SMS gateway. */
    SENT,
    /** Given up after the maximum number of attempts. */
    FAILED,
    /** Never to be sent: no usable address, or the channel is not configured. */
    SKIPPED
}
