package vn.motcua.integration.postal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.integration.Shipment;
import vn.motcua.integration.ShipmentKind;
import vn.motcua.integration.ShipmentStatus;

/**
 * The {@code postal_shipment} and {@code postal_shipment_event} tables. Times of this system's own changes come from
 * the database clock, so that all application nodes agree on what is due.
 */
@Repository
public class ShipmentRepository {

    private static final String COLUMNS = """
            id, dossier_code, kind, recipient_name, phone, address, note, fee, status, status_at, tracking_number,
            created_at, booked_at""";

    private final JdbcClient jdbc;

    ShipmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises changes to one dossier's shipments until the transaction ends (a double click, two nodes). */
    public void lockDossier(String code) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('postal:' || ?, 0))").param(code).query().singleValue();
    }

    /** The dossier's shipments with their history, oldest first. */
    public List<Shipment> ofDossier(String code) {
        List<Shipment> shipments = jdbc.sql("select " + COLUMNS + " from postal_shipment where dossier_code = ? order by id")
                .param(code).query(ShipmentRepository::map).list();
        if (shipments.isEmpty()) {
            return shipments;
        }
        Map<Long, List<Shipment.Event>> events = new LinkedHashMap<>();
        jdbc.sql("""
                        select e.shipment_id, e.status, e.happened_at, e.note, e.source
                        from postal_shipment_event e join postal_shipment s on s.id = e.shipment_id
                        where s.dossier_code = ? order by e.happened_at, e.id""")
                .param(code)
                .query((rs, i) -> {
                    events.computeIfAbsent(rs.getLong("shipment_id"), k -> new ArrayList<>()).add(new Shipment.Event(
                            ShipmentStatus.valueOf(rs.getString("status")), instant(rs, "happened_at"),
                            rs.getString("note"), rs.getString("source")));
                    return null;
                }).list();
        return shipments.stream().map(s -> s.withHistory(events.getOrDefault(s.id(), List.of()))).toList();
    }

    public Optional<Shipment> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from postal_shipment where id = ?").param(id)
                .query(ShipmentRepository::map).optional();
    }

    public Optional<Shipment> findByTrackingNumber(String trackingNumber) {
        return jdbc.sql("select " + COLUMNS + " from postal_shipment where tracking_number = ?").param(trackingNumber)
                .query(ShipmentRepository::map).optional();
    }

    /** The dossier's shipment of this kind that has not ended (at most one), if any. */
    public Optional<Shipment> open(String code, ShipmentKind kind) {
        return jdbc.sql("select " + COLUMNS + " from postal_shipment where dossier_code = ? and kind = ? "
                        + "and status not in ('FAILED', 'RETURNED', 'CANCELLED') order by id desc limit 1")
                .params(code, kind.name()).query(ShipmentRepository::map).optional();
    }

    /**
     * Adds a REQUESTED shipment, with its first history row.
     *
     * @param due whether to book it now; false keeps it waiting (a delivery before the result is returned)
     */
    @Transactional
    public long insert(String code, ShipmentKind kind, String name, String phone, String address, String note,
                       long fee, String requestedBy, boolean due) {
        long id = jdbc.sql("""
                        insert into postal_shipment (dossier_code, kind, recipient_name, phone, address, note, fee,
                                                     status, requested_by, next_attempt_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, case when ? then now() end)
                        returning id""")
                .params(code, kind.name(), name, phone, address, note, fee, requestedBy, due)
                .query(Long.class).single();
        event(id, ShipmentStatus.REQUESTED, null, null, "SYSTEM");
        return id;
    }

    /** Changes the details of a shipment not booked yet; false if it was booked (or is being booked) meanwhile. */
    public boolean updateUnbooked(long id, String name, String phone, String address, String note, long fee,
                                  boolean due) {
        return jdbc.sql("""
                        update postal_shipment
                        set recipient_name = ?, phone = ?, address = ?, note = ?, fee = ?,
                            next_attempt_at = case when ? then now() else next_attempt_at end
                        where id = ? and status in ('REQUESTED', 'BOOKING_FAILED')
                          and (next_attempt_at is null or next_attempt_at <= now())""")
                .params(name, phone, address, note, fee, due, id).update() == 1;
    }

    /** Makes a waiting shipment due for booking now (a delivery when the result goes out by post). */
    public void makeDue(long id) {
        jdbc.sql("""
                update postal_shipment set next_attempt_at = now()
                where id = ? and status in ('REQUESTED', 'BOOKING_FAILED') and next_attempt_at is null""")
                .param(id).update();
    }

    /** Cancels a shipment that is not booked and not being booked; false otherwise. */
    @Transactional
    public boolean cancelUnbooked(long id, String note) {
        boolean cancelled = jdbc.sql("""
                        update postal_shipment set status = 'CANCELLED', status_at = now(), next_attempt_at = null
                        where id = ? and status in ('REQUESTED', 'BOOKING_FAILED')
                          and (next_attempt_at is null or next_attempt_at <= now())""")
                .param(id).update() == 1;
        if (cancelled) {
            event(id, ShipmentStatus.CANCELLED, null, note, "SYSTEM");
        }
        return cancelled;
    }

    /**
     * Claims an unbooked shipment that is due for this node: it stays unbooked but is not due again before the lease
     * ends, when another node may take it if this one died booking it. A row another node is claiming at this moment
     * is skipped, not waited for.
     *
     * @param id a shipment to claim, or null for the one due first
     */
    public Optional<Claimed> claimDue(Long id, Duration lease) {
        return jdbc.sql("""
                        update postal_shipment set next_attempt_at = now() + make_interval(secs => :lease)
                        where id = (select id from postal_shipment
                                    where status in ('REQUESTED', 'BOOKING_FAILED') and next_attempt_at <= now()
                                      and (cast(:id as bigint) is null or id = :id)
                                    order by next_attempt_at
                                    limit 1
                                    for update skip locked)
                        returning id, dossier_code, kind, recipient_name, phone, address, note, status, attempts""")
                .param("lease", (double) lease.toSeconds()).param("id", id)
                .query((rs, i) -> new Claimed(rs.getLong("id"), rs.getString("dossier_code"),
                        ShipmentKind.valueOf(rs.getString("kind")), rs.getString("recipient_name"),
                        rs.getString("phone"), rs.getString("address"), rs.getString("note"),
                        ShipmentStatus.valueOf(rs.getString("status")), rs.getInt("attempts")))
                .optional();
    }

    /** Records the booking: BOOKED (or the status the postal service gave) with its tracking number. */
    @Transactional
    public void markBooked(long id, String trackingNumber, ShipmentStatus status) {
        jdbc.sql("""
                update postal_shipment
                set status = ?, status_at = now(), tracking_number = ?, booked_at = now(), attempts = attempts + 1,
                    last_error = null, next_attempt_at = null
                where id = ?""").params(status.name(), trackingNumber, id).update();
        event(id, ShipmentStatus.BOOKED, null, null, "SYSTEM");
        if (status != ShipmentStatus.BOOKED) {
            event(id, status, null, null, "SYSTEM");
        }
    }

    /**
     * Counts a failed booking and makes it due again after {@code delay}, or never when null (nothing to retry
     * with). The history shows the first failure of a run, not every retry.
     */
    @Transactional
    public void markBookingFailed(long id, String error, Duration delay, String note) {
        String before = jdbc.sql("""
                        update postal_shipment s
                        set status = 'BOOKING_FAILED', attempts = s.attempts + 1, last_error = :error,
                            status_at = case when s.status = 'BOOKING_FAILED' then s.status_at else now() end,
                            next_attempt_at = case when cast(:delay as float8) is null then null
                                                   else now() + make_interval(secs => :delay) end
                        from (select id, status from postal_shipment where id = :id for update) old
                        where s.id = old.id
                        returning old.status""")
                .param("error", error).param("delay", delay == null ? null : (double) delay.toSeconds())
                .param("id", id).query(String.class).single();
        boolean first = !ShipmentStatus.BOOKING_FAILED.name().equals(before);
        if (first) {
            event(id, ShipmentStatus.BOOKING_FAILED, null, note, "SYSTEM");
        }
    }

    /** Shipments under way, least recently changed first, for polling. */
    public List<Shipment> underWay(int limit) {
        return jdbc.sql("select " + COLUMNS + " from postal_shipment where status in ('BOOKED', 'PICKED_UP', 'IN_TRANSIT') "
                        + "and tracking_number is not null order by status_at limit ?")
                .param(limit).query(ShipmentRepository::map).list();
    }

    /** Shipments due to be booked with the postal service (first try or retry) and not booked yet. */
    public long unbooked() {
        return jdbc.sql("select count(*) from postal_shipment where status in ('REQUESTED', 'BOOKING_FAILED') "
                        + "and next_attempt_at is not null")
                .query(Long.class).single();
    }

    /**
     * Records a status the postal service reported, once: the same status at the same time is recorded only the
     * first time. The shipment takes the status unless a later one was reported already.
     *
     * @return whether it was new
     */
    @Transactional
    public boolean report(long id, ShipmentStatus status, Instant at, String note, String source) {
        if (!event(id, status, at, note, source)) {
            return false;
        }
        // The latest report wins, whatever order the reports arrive in.
        jdbc.sql("""
                update postal_shipment s set status = e.status, status_at = e.happened_at
                from (select status, happened_at from postal_shipment_event
                      where shipment_id = :id and source <> 'SYSTEM'
                      order by happened_at desc, id desc limit 1) e
                where s.id = :id and s.status <> 'CANCELLED'""").param("id", id).update();
        return true;
    }

    /** Adds a history row unless the same status at the same time is there; true if added. */
    private boolean event(long id, ShipmentStatus status, Instant at, String note, String source) {
        return jdbc.sql("""
                        insert into postal_shipment_event (shipment_id, status, happened_at, note, source)
                        values (?, ?, coalesce(?, now()), ?, ?)
                        on conflict (shipment_id, status, happened_at) do nothing""")
                .params(id, status.name(), at == null ? null : timestamp(at), note, source).update() == 1;
    }

    private static Shipment map(ResultSet rs, int row) throws SQLException {
        return new Shipment(rs.getLong("id"), rs.getString("dossier_code"), ShipmentKind.valueOf(rs.getString("kind")),
                rs.getString("recipient_name"), rs.getString("phone"), rs.getString("address"), rs.getString("note"),
                rs.getLong("fee"), ShipmentStatus.valueOf(rs.getString("status")), instant(rs, "status_at"),
                rs.getString("tracking_number"), instant(rs, "created_at"), instant(rs, "booked_at"), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** An unbooked shipment claimed for booking. */
    public record Claimed(long id, String dossierCode, ShipmentKind kind, String recipientName, String phone,
                          String address, String note, ShipmentStatus status, int attempts) {
    }
}
