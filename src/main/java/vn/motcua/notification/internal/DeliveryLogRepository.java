package vn.motcua.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of {@code notification_delivery} for the delivery log, and the SMS gateway's receipts written into it. */
@Repository
class DeliveryLogRepository {

    private static final String STATE = """
            case when status = 'SENT' and receipt is not null then receipt
                 when status = 'SENT' then 'ACCEPTED' else status end""";
    private static final String COLUMNS = "id, dossier_code, event_kind, channel, recipient, subject, body, "
            + STATE + " as state, created_at, sent_at, receipt_at, coalesce(receipt_error, last_error) as note";

    private final JdbcClient jdbc;

    DeliveryLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<LoggedDelivery> ofDossier(String code) {
        return jdbc.sql("select " + COLUMNS + " from notification_delivery where dossier_code = ? order by created_at, id")
                .param(code).query(DeliveryLogRepository::row).list();
    }

    /** The newest deliveries first, filtered; a null criterion does not filter. */
    List<LoggedDelivery> search(Instant from, Instant to, NotificationChannel channel, DeliveryState state, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from notification_delivery
                where (cast(:from as timestamptz) is null or created_at >= :from)
                  and (cast(:to as timestamptz) is null or created_at < :to)
                  and (cast(:channel as text) is null or channel = :channel)
                  and (cast(:state as text) is null or (""" + STATE + """
                ) = :state)
                order by created_at desc, id desc
                limit :limit""")
                .param("from", timestamp(from)).param("to", timestamp(to))
                .param("channel", channel == null ? null : channel.name())
                .param("state", state == null ? null : state.name()).param("limit", limit)
                .query(DeliveryLogRepository::row).list();
    }

    /**
     * Records the gateway's receipt on the SMS it gave this id; a later receipt replaces an earlier one.
     *
     * @return how many deliveries carry that id (0: unknown id, nothing recorded)
     */
    int recordReceipt(String messageId, DeliveryState receipt, Instant at, String error) {
        return jdbc.sql("""
                update notification_delivery
                set receipt = :receipt, receipt_at = coalesce(cast(:at as timestamptz), now()), receipt_error = :error
                where channel = 'SMS' and provider_message_id = :id and status = 'SENT'""")
                .param("receipt", receipt.name()).param("at", timestamp(at)).param("error", error)
                .param("id", messageId).update();
    }

    private static LoggedDelivery row(ResultSet rs, int i) throws SQLException {
        NotificationChannel channel = NotificationChannel.valueOf(rs.getString("channel"));
        return new LoggedDelivery(rs.getLong("id"), rs.getString("dossier_code"),
                EventKind.valueOf(rs.getString("event_kind")), channel,
                AddressMask.mask(channel, rs.getString("recipient")), rs.getString("subject"), rs.getString("body"),
                DeliveryState.valueOf(rs.getString("state")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("receipt_at")), rs.getString("note"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
