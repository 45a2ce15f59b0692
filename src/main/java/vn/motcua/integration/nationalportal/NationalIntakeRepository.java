package vn.motcua.integration.nationalportal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code national_intake} and {@code national_intake_ack} tables. Times of due work come from the database clock,
 * so that all application nodes agree on what is due; a row being handled is leased (skipped by other nodes).
 */
@Repository
public class NationalIntakeRepository {

    private static final String COLUMNS = """
            i.id, i.national_code, i.procedure_code, i.agency_code, i.applicant_name, i.applicant_id, i.payload::text
            as payload, i.source, i.state, i.reason, i.dossier_id, i.dossier_code, i.attempts, i.last_error,
            i.next_attempt_at, i.received_at, i.decided_at, a.sent_at as ack_sent_at, a.attempts as ack_attempts,
            a.last_error as ack_error""";
    private static final String FROM = " from national_intake i left join national_intake_ack a on a.intake_id = i.id ";

    private final JdbcClient jdbc;

    NationalIntakeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One national dossier as taken in, with the state of its acknowledgement. */
    public record Intake(long id, String nationalCode, String procedureCode, String agencyCode, String applicantName,
                         String applicantId, String payload, String source, String state, String reason,
                         Long dossierId, String dossierCode, int attempts, String lastError, Instant nextAttemptAt,
                         Instant receivedAt, Instant decidedAt, Instant ackSentAt, Integer ackAttempts,
                         String ackError) {
    }

    /**
     * Adds a national dossier WAITING and due now, unless its national code is there already.
     *
     * @return whether it was new
     */
    public boolean insertIfNew(NationalDossier d, String payload, String source) {
        return jdbc.sql("""
                        insert into national_intake (national_code, procedure_code, agency_code, applicant_name,
                                                     applicant_id, payload, source, state, next_attempt_at)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), ?, 'WAITING', now())
                        on conflict (national_code) do nothing""")
                .params(d.nationalCode(), d.procedureCode(), d.agencyCode(), d.holder().fullName(),
                        d.holder().idNumber(), payload, source).update() == 1;
    }

    public Optional<Intake> find(String nationalCode) {
        return jdbc.sql("select " + COLUMNS + FROM + "where i.national_code = ?").param(nationalCode)
                .query(NationalIntakeRepository::map).optional();
    }

    /**
     * Claims a WAITING dossier that is due: it is not due again before the lease ends, when another node may take it
     * if this one died handling it. A row another node is claiming at this moment is skipped, not waited for.
     *
     * @param nationalCode the one to claim, or null for the one due first
     * @param dueBy        only rows due by then (a round's start, so that a round tries each row once); null: now
     */
    public Optional<Intake> claimDue(String nationalCode, Duration lease, Instant dueBy) {
        return jdbc.sql("""
                        update national_intake set next_attempt_at = now() + make_interval(secs => :lease)
                        where id = (select id from national_intake
                                    where state = 'WAITING'
                                      and next_attempt_at <= coalesce(cast(:dueBy as timestamptz), now())
                                      and (cast(:code as text) is null or national_code = :code)
                                    order by next_attempt_at limit 1 for update skip locked)
                        returning id""")
                .param("lease", (double) lease.toSeconds()).param("code", nationalCode)
                .param("dueBy", timestamp(dueBy)).query(Long.class).optional()
                .flatMap(id -> jdbc.sql("select " + COLUMNS + FROM + "where i.id = ?").param(id)
                        .query(NationalIntakeRepository::map).optional());
    }

    /** Locks the row until the transaction ends; answers whether it is still WAITING (not decided meanwhile). */
    public boolean lockWaiting(long id) {
        return "WAITING".equals(jdbc.sql("select state from national_intake where id = ? for update").param(id)
                .query(String.class).single());
    }

    /** Counts a failed attempt and makes the dossier due again after {@code delay}. */
    public void markFailed(long id, String error, Duration delay) {
        jdbc.sql("""
                update national_intake set attempts = attempts + 1, last_error = :error,
                       next_attempt_at = now() + make_interval(secs => :delay)
                where id = :id and state = 'WAITING'""")
                .param("error", error).param("delay", (double) delay.toSeconds()).param("id", id).update();
    }

    /** Decides the dossier (RECEIVED with our dossier, or REFUSED with the reason) and owes its acknowledgement. */
    public void decide(long id, boolean received, Long dossierId, String dossierCode, String reason, String ackBody) {
        jdbc.sql("""
                update national_intake set state = ?, dossier_id = ?, dossier_code = ?, reason = ?, decided_at = now(),
                       next_attempt_at = null
                where id = ?""")
                .params(received ? "RECEIVED" : "REFUSED", dossierId, dossierCode, reason, id).update();
        jdbc.sql("insert into national_intake_ack (intake_id, body) values (?, ?) on conflict (intake_id) do nothing")
                .params(id, ackBody).update();
    }

    /** An acknowledgement claimed for sending. */
    public record Ack(long id, String nationalCode, String body, int attempts) {
    }

    /** Claims the unsent acknowledgement due first (by {@code dueBy}), leased as {@link #claimDue} does. */
    public Optional<Ack> claimAck(Duration lease, Instant dueBy) {
        return jdbc.sql("""
                        update national_intake_ack a set next_attempt_at = now() + make_interval(secs => :lease)
                        from national_intake i
                        where i.id = a.intake_id
                          and a.id = (select id from national_intake_ack
                                      where sent_at is null
                                        and next_attempt_at <= coalesce(cast(:dueBy as timestamptz), now())
                                      order by next_attempt_at limit 1 for update skip locked)
                        returning a.id, i.national_code, a.body, a.attempts""")
                .param("lease", (double) lease.toSeconds()).param("dueBy", timestamp(dueBy))
                .query((rs, n) -> new Ack(rs.getLong("id"), rs.getString("national_code"), rs.getString("body"),
                        rs.getInt("attempts"))).optional();
    }

    public void ackSent(long id) {
        jdbc.sql("update national_intake_ack set sent_at = now(), attempts = attempts + 1, last_error = null, "
                + "next_attempt_at = null where id = ?").param(id).update();
    }

    public void ackFailed(long id, String error, Duration delay) {
        jdbc.sql("""
                update national_intake_ack set attempts = attempts + 1, last_error = :error,
                       next_attempt_at = now() + make_interval(secs => :delay)
                where id = :id and sent_at is null""")
                .param("error", error).param("delay", (double) delay.toSeconds()).param("id", id).update();
    }

    /** The latest national dossiers, in one state or all, newest first. */
    public List<Intake> latest(String state, int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + "where (cast(? as text) is null or i.state = ?) "
                        + "order by i.received_at desc, i.id desc limit ?")
                .params(state, state, limit).query(NationalIntakeRepository::map).list();
    }

    /** The national code of one of our dossiers that came from the national portal. */
    public Optional<String> nationalCode(String dossierCode) {
        return jdbc.sql("select national_code from national_intake where dossier_code = ?").param(dossierCode)
                .query(String.class).optional();
    }

    private static Intake map(ResultSet rs, int row) throws SQLException {
        return new Intake(rs.getLong("id"), rs.getString("national_code"), rs.getString("procedure_code"),
                rs.getString("agency_code"), rs.getString("applicant_name"), rs.getString("applicant_id"),
                rs.getString("payload"), rs.getString("source"), rs.getString("state"), rs.getString("reason"),
                (Long) rs.getObject("dossier_id"), rs.getString("dossier_code"), rs.getInt("attempts"),
                rs.getString("last_error"), instant(rs, "next_attempt_at"), instant(rs, "received_at"),
                instant(rs, "decided_at"), instant(rs, "ack_sent_at"), (Integer) rs.getObject("ack_attempts"),
                rs.getString("ack_error"));
    }

    /** The database's time now: a round's start, as all nodes see it. */
    public Instant now() {
        return jdbc.sql("select now()").query(OffsetDateTime.class).single().toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
