package vn.motcua.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification_delivery} table: the queue of messages to send and the log of what was sent. Times come
 * from the database clock so that all application nodes agree on what is due.
 */
@Repository
class DeliveryRepository {

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a PENDING delivery, due now. Does nothing when the same event was already recorded for this dossier and
     * channel, so that an event delivered twice is sent once.
     */
    void addPending(NewDelivery delivery) {
        insert(delivery, DeliveryStatus.PENDING, null);
    }

    /** Records a delivery that will never be sent, with the reason; idempotent like {@link #addPending}. */
    void addSkipped(NewDelivery delivery, String reason) {
        insert(delivery, DeliveryStatus.SKIPPED, reason);
    }

    private void insert(NewDelivery delivery, DeliveryStatus status, String reason) {
        jdbc.sql("""
                insert into notification_delivery (dossier_code, event_kind, event_at, channel, recipient, subject,
                                                   body, status, last_error, next_attempt_at)
                values (:code, :kind, :eventAt, :channel, :recipient, :subject, :body, :status, :reason,
                        case when :status = 'PENDING' then now() end)
                on conflict (dossier_code, event_kind, channel, event_at) do nothing""")
                .param("code", delivery.dossierCode()).param("kind", delivery.kind().name())
                .param("eventAt", timestamp(delivery.eventAt())).param("channel", delivery.channel().name())
                .param("recipient", delivery.recipient()).param("subject", delivery.subject())
                .param("body", delivery.body()).param("status", status.name()).param("reason", reason)
                .update();
    }

    /**
     * Claims the PENDING delivery due first for this node: it stays PENDING but is not due again before the lease
     * ends, when another node may take it if this one died sending it. A row another node is claiming at the same
     * moment is skipped, not waited for.
     */
    Optional<Delivery> claimNext(Duration lease) {
        return jdbc.sql("""
                update notification_delivery set next_attempt_at = now() + make_interval(secs => :lease)
                where id = (select id from notification_delivery
                            where status = 'PENDING' and next_attempt_at <= now()
                            order by next_attempt_at
                            limit 1
                            for update skip locked)
                returning id, dossier_code, event_kind, channel, recipient, subject, body, attempts""")
                .param("lease", (double) lease.toSeconds())
                .query((rs, i) -> new Delivery(rs.getLong("id"), rs.getString("dossier_code"),
                        EventKind.valueOf(rs.getString("event_kind")),
                        NotificationChannel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
                .optional();
    }

    /** @param providerMessageId the SMTP Message-ID or the gateway's message id, null when there is none */
    void markSent(long id, String providerMessageId) {
        jdbc.sql("""
                update notification_delivery
                set status = 'SENT', attempts = attempts + 1, sent_at = now(), provider_message_id = ?,
                    last_error = null, next_attempt_at = null
                where id = ?""").params(providerMessageId, id).update();
    }

    /** Counts a failed attempt and makes the delivery due again after {@code delay}. */
    void markRetry(long id, String error, Duration delay) {
        jdbc.sql("""
                update notification_delivery
                set attempts = attempts + 1, last_error = ?, next_attempt_at = now() + make_interval(secs => ?)
                where id = ?""").params(error, (double) delay.toSeconds(), id).update();
    }

    /** Counts a failed attempt and gives up. */
    void markFailed(long id, String error) {
        jdbc.sql("""
                update notification_delivery
                set status = 'FAILED', attempts = attempts + 1, last_error = ?, next_attempt_at = null
                where id = ?""").params(error, id).update();
    }

    /** Gives up without an attempt, because the delivery cannot be made at all. */
    void markSkipped(long id, String reason) {
        jdbc.sql("""
                update notification_delivery set status = 'SKIPPED', last_error = ?, next_attempt_at = null
                where id = ?""").params(reason, id).update();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A message rendered for one recipient and channel, before it is stored. */
    record NewDelivery(String dossierCode, EventKind kind, Instant eventAt, NotificationChannel channel,
                       String recipient, String subject, String body) {

        NewDelivery to(String address) {
            return new NewDelivery(dossierCode, kind, eventAt, channel, address, subject, body);
        }
    }
}
