package vn.motcua.notification.internal;

import java.util.Optional;

/** Sends deliveries over one channel. */
interface Sender {

    NotificationChannel channel();

    /** Why this channel cannot send anything (it is not configured), or empty when it can. */
    Optional<String> unavailable();

    /**
     * Hands the message to the mail server or gateway.
     *
     * @return the message id the other side gave it, null when it gave none
     * @throws Exception when the message was not accepted; the delivery is tried again later
     */
    String send(Delivery delivery) throws Exception;
}
