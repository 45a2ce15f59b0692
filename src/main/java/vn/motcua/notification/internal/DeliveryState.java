package vn.motcua.notification.internal;

/** Where a delivery stands as the delivery log tells it: the status of the sending and the gateway's receipt. */
public enum DeliveryState {
    /** Waiting to be sent (or sent again). */
    PENDING,
    /** Taken by the SMTP server or the SMS gateway; for SMS no receipt yet. */
    ACCEPTED,
    /** The SMS gateway reports it reached the phone. */
    DELIVERED,
    /** The SMS gateway reports it could not reach the phone. */
    UNDELIVERED,
    /** Given up after the last attempt. */
    FAILED,
    /** Never sent: no usable address, or the channel is off. */
    SKIPPED
}
