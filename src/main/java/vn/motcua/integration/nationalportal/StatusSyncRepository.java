package vn.motcua.integration.nationalportal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.integration.SynchronisedDossiers;
import vn.motcua.platform.web.VietnamTime;

/**
 * The status sync's outbox ({@code national_sync_message}) and, per dossier, its sequence and the dates every message
 * repeats ({@code national_sync_dossier}). Claims take a dossier's first unaccepted message only, with {@code skip
 * locked} and a lease, so that several nodes send each message once at a time and a dossier's messages in order.
 */
@Repository
public class StatusSyncRepository implements SynchronisedDossiers {

    private final JdbcClient jdbc;

    StatusSyncRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a message repeats of its dossier: the next sequence number and the dates known so far. */
    public record DossierLine(int seq, Instant receivedAt, Instant dueAt, Instant returnedAt) {
    }

    /**
     * Takes the dossier's next sequence number and records the dates the event brings (null keeps the one known). Runs
     * only inside the transaction of the dossier's change, so that the message commits or rolls back with it; the row
     * lock it takes orders two changes of one dossier.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public DossierLine nextLine(String dossierCode, String agencyCode, Instant receivedAt, Instant dueAt,
                                Instant returnedAt) {
        return jdbc.sql("""
                        insert into national_sync_dossier as d (dossier_code, agency_code, received_at, due_at,
                                                               returned_at, last_seq)
                        values (:code, :agency, :received, :due, :returned, 1)
                        on conflict (dossier_code) do update
                        set last_seq = d.last_seq + 1, agency_code = excluded.agency_code,
                            received_at = coalesce(excluded.received_at, d.received_at),
                            due_at = coalesce(excluded.due_at, d.due_at),
                            returned_at = coalesce(excluded.returned_at, d.returned_at)
                        returning last_seq, received_at, due_at, returned_at""")
                .param("code", dossierCode).param("agency", agencyCode).param("received", ts(receivedAt))
                .param("due", ts(dueAt)).param("returned", ts(returnedAt))
                .query((rs, i) -> new DossierLine(rs.getInt("last_seq"), instant(rs, "received_at"),
                        instant(rs, "due_at"), instant(rs, "returned_at")))
                .single();
    }

    /** Whether the dossier was received before (a message with its reception date was written). */
    public boolean receivedBefore(String dossierCode) {
        return jdbc.sql("select received_at is not null from national_sync_dossier where dossier_code = ?")
                .param(dossierCode).query(Boolean.class).optional().orElse(false);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void insert(UUID id, String dossierCode, int seq, String event, String statusCode, String agencyCode,
                       Instant updatedAt, String payload) {
        jdbc.sql("""
                        insert into national_sync_message (id, dossier_code, seq, event, status_code, agency_code,
                                                           updated_at, payload)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, dossierCode, seq, event, statusCode, agencyCode, ts(updatedAt), payload).update();
    }

    /** A message reserved for sending. */
    public record Claimed(UUID id, String dossierCode, int seq, String payload, int attempts) {
    }

    /**
     * Reserves up to {@code batch} messages that are due, each the first unaccepted message of its dossier, for the
     * lease; another node skips them.
     */
    @Transactional
    public List<Claimed> claimDue(int batch, Duration lease) {
        return jdbc.sql("""
                        update national_sync_message m set next_attempt_at = now() + make_interval(secs => :lease)
                        where m.id in (select c.id from national_sync_message c
                                       where c.state <> 'ACCEPTED' and c.next_attempt_at <= now()
                                         and not exists (select 1 from national_sync_message p
                                                         where p.dossier_code = c.dossier_code and p.seq < c.seq
                                                           and p.state <> 'ACCEPTED')
                                       order by c.next_attempt_at, c.dossier_code
                                       limit :batch
                                       for update skip locked)
                        returning m.id, m.dossier_code, m.seq, m.payload, m.attempts""")
                .param("lease", (double) lease.toSeconds()).param("batch", batch)
                .query((rs, i) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("dossier_code"),
                        rs.getInt("seq"), rs.getString("payload"), rs.getInt("attempts")))
                .list();
    }

    /** Marks delivered the messages the national portal accepted; a repeat changes nothing. */
    @Transactional
    public int markAccepted(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        update national_sync_message
                        set state = 'ACCEPTED', accepted_at = now(), attempts = attempts + 1, last_error = null
                        where id in (:ids) and state <> 'ACCEPTED'""")
                .param("ids", ids).update();
    }

    /**
     * Counts a failed attempt and makes the message due again after the delay for its number of failures; past the
     * retry window after it was written it is FAILED (and still retried).
     */
    @Transactional
    public void markFailed(UUID id, String error, IntFunction<Duration> delay, Duration retryWindow) {
        int attempts = jdbc.sql("select attempts from national_sync_message where id = ?").param(id)
                .query(Integer.class).optional().orElse(0);
        jdbc.sql("""
                        update national_sync_message
                        set attempts = attempts + 1, last_error = :error,
                            next_attempt_at = now() + make_interval(secs => :delay),
                            state = case when created_at + make_interval(secs => :window) <= now() then 'FAILED'
                                         else state end
                        where id = :id and state <> 'ACCEPTED'""")
                .param("error", error).param("delay", seconds(delay.apply(attempts + 1)))
                .param("window", seconds(retryWindow)).param("id", id).update();
    }

    /** Makes an unaccepted message due now. @return its dossier's code, if it was unaccepted */
    @Transactional
    public Optional<String> resend(UUID id) {
        return jdbc.sql("""
                        update national_sync_message set next_attempt_at = now()
                        where id = ? and state <> 'ACCEPTED' returning dossier_code""")
                .param(id).query(String.class).optional();
    }

    /** Makes every FAILED message due now. @return how many */
    @Transactional
    public int resendFailed() {
        return jdbc.sql("update national_sync_message set next_attempt_at = now() where state = 'FAILED'").update();
    }

    /** The messages not yet accepted: how many, and when the oldest was written. */
    public record Backlog(long count, Instant oldest, long failed) {
    }

    public Backlog backlog() {
        return jdbc.sql("""
                        select count(*) as n, min(created_at) as oldest, count(*) filter (where state = 'FAILED') as f
                        from national_sync_message where state <> 'ACCEPTED'""")
                .query((rs, i) -> new Backlog(rs.getLong("n"), instant(rs, "oldest"), rs.getLong("f"))).single();
    }

    /** A message that failed at least once and is not yet accepted, for the administrator. */
    public record Failure(UUID id, String dossierCode, int seq, String event, String statusCode, String state,
                          int attempts, String lastError, Instant nextAttemptAt, Instant createdAt) {

        public boolean failed() {
            return "FAILED".equals(state);
        }
    }

    public List<Failure> failures(int limit) {
        return jdbc.sql("""
                        select id, dossier_code, seq, event, status_code, state, attempts, last_error,
                               next_attempt_at, created_at
                        from national_sync_message
                        where state <> 'ACCEPTED' and attempts > 0
                        order by state = 'FAILED' desc, created_at
                        limit ?""")
                .param(limit)
                .query((rs, i) -> new Failure(rs.getObject("id", UUID.class), rs.getString("dossier_code"),
                        rs.getInt("seq"), rs.getString("event"), rs.getString("status_code"), rs.getString("state"),
                        rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "next_attempt_at"),
                        instant(rs, "created_at")))
                .list();
    }

    /** One message as stored, for a test or a support look-up. */
    public record Message(UUID id, String dossierCode, int seq, String event, String statusCode, String state,
                          int attempts, String payload) {
    }

    public List<Message> messages(String dossierCode) {
        return jdbc.sql("""
                        select id, dossier_code, seq, event, status_code, state, attempts, payload
                        from national_sync_message where dossier_code = ? order by seq""")
                .param(dossierCode)
                .query((rs, i) -> new Message(rs.getObject("id", UUID.class), rs.getString("dossier_code"),
                        rs.getInt("seq"), rs.getString("event"), rs.getString("status_code"), rs.getString("state"),
                        rs.getInt("attempts"), rs.getString("payload")))
                .list();
    }

    /**
     * Our side of a day's reconciliation: per agency, the distinct dossiers with a status message whose
     * {@code NgayCapNhat} falls on that day (Vietnam time), delivered or not, so that what never reached the national
     * portal shows as a difference.
     */
    public Map<String, Integer> changedOn(LocalDate day) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select agency_code, count(distinct dossier_code) as n from national_sync_message
                        where updated_at >= ? and updated_at < ?
                        group by agency_code order by agency_code""")
                .params(ts(day.atStartOfDay(VietnamTime.ZONE).toInstant()),
                        ts(day.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant()))
                .query((ResultSet rs) -> {
                    counts.put(rs.getString("agency_code"), rs.getInt("n"));
                });
        return counts;
    }

    @Override
    public long synchronisedReceived(Set<String> agencyCodes, LocalDate from, LocalDate to) {
        if (agencyCodes.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        select count(*) from national_sync_dossier d
                        where d.agency_code in (:agencies) and d.received_at >= :from and d.received_at < :to
                          and not exists (select 1 from national_sync_message m
                                          where m.dossier_code = d.dossier_code and m.state <> 'ACCEPTED')""")
                .param("agencies", agencyCodes)
                .param("from", ts(from.atStartOfDay(VietnamTime.ZONE).toInstant()))
                .param("to", ts(to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant()))
                .query(Long.class).single();
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
