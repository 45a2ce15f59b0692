package vn.motcua.population.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.dossier.ResidentCheck.Identity;
import vn.motcua.dossier.ResidentCheck.Outcome;
import vn.motcua.dossier.ResidentCheck.Part;
import vn.motcua.dossier.ResidentCheck.Verdict;

/**
 * The {@code resident_check} table: one verdict per dossier. A PENDING row is due again at {@code next_attempt_at};
 * a node takes one with {@code for update skip locked} and leases it, so that several nodes never ask twice at once,
 * and only a PENDING row is ever resolved, so that a late duplicate answer changes nothing.
 */
@Repository
public class CheckRepository {

    private static final String COLUMNS = """
            id, dossier_code, procedure_code, username, id_number, full_name, birth_date, outcome, mismatched, asked_at,
            checked_at, attempts, next_attempt_at, last_error, note, noted_by""";

    private final JdbcClient jdbc;

    CheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A kept verdict. */
    public record Check(long id, String dossierCode, String procedureCode, Identity identity, Verdict verdict,
                        Instant askedAt, int attempts, Instant nextAttemptAt, String lastError, String note,
                        String notedBy) {
    }

    /**
     * Keeps the first verdict of a dossier; another for the same dossier is ignored.
     *
     * @return whether it was kept
     */
    public boolean insert(long dossierId, String code, String procedureCode, String receivingAgency, Identity who,
                          Verdict verdict, Instant askedAt, Instant nextAttemptAt, String error, String note,
                          String notedBy) {
        return jdbc.sql("""
                        insert into resident_check (dossier_id, dossier_code, procedure_code, receiving_agency, username,
                            id_number, full_name, birth_date, outcome, mismatched, asked_at, checked_at, next_attempt_at,
                            last_error, note, noted_by)
                        values (:dossier, :code, :procedure, :agency, :username, :idNumber, :fullName, :birthDate,
                            :outcome, :mismatched, :askedAt, :checkedAt, :next, :error, :note, :notedBy)
                        on conflict (dossier_id) do nothing""")
                .param("dossier", dossierId).param("code", code).param("procedure", procedureCode)
                .param("agency", receivingAgency).param("username", who.username())
                .param("idNumber", who.idNumber().strip()).param("fullName", who.fullName().strip())
                .param("birthDate", who.birthDate()).param("outcome", verdict.outcome().name())
                .param("mismatched", parts(verdict.mismatched())).param("askedAt", Timestamp.from(askedAt))
                .param("checkedAt", verdict.outcome() == Outcome.PENDING ? null : Timestamp.from(verdict.at()))
                .param("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt))
                .param("error", error).param("note", note).param("notedBy", notedBy)
                .update() == 1;
    }

    public Optional<Check> byDossier(String code) {
        return jdbc.sql("select " + COLUMNS + " from resident_check where dossier_code = ?").param(code)
                .query(CheckRepository::check).optional();
    }

    /**
     * Reserves a PENDING check that is due until {@code leaseUntil}, so that other nodes leave it alone; with
     * {@code id} (an official's re-run), that one whenever it is pending. Two nodes asking the same check at once
     * cost one needless question, never a second verdict: {@link #resolve} changes only a PENDING row.
     */
    public Optional<Check> claim(Long id, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                        update resident_check set next_attempt_at = :lease
                        where id = (select id from resident_check
                                    where outcome = 'PENDING'
                                      and (cast(:id as bigint) is null and next_attempt_at <= :now or id = :id)
                                    order by next_attempt_at
                                    limit 1
                                    for update skip locked)
                        returning\s""" + COLUMNS)
                .param("lease", Timestamp.from(leaseUntil)).param("now", Timestamp.from(now)).param("id", id)
                .query(CheckRepository::check).optional();
    }

    /**
     * Records the register's answer on a check still PENDING.
     *
     * @return false when it was no longer pending (another node or an earlier try resolved it)
     */
    public boolean resolve(long id, Verdict verdict) {
        return jdbc.sql("""
                        update resident_check
                        set outcome = :outcome, mismatched = :mismatched, checked_at = :at, attempts = attempts + 1,
                            next_attempt_at = null, last_error = null
                        where id = :id and outcome = 'PENDING'""")
                .param("outcome", verdict.outcome().name()).param("mismatched", parts(verdict.mismatched()))
                .param("at", Timestamp.from(verdict.at())).param("id", id).update() == 1;
    }

    /** Counts a failed attempt; due again at {@code next}, or only when an official re-runs it when null. */
    public void failed(long id, String error, Instant next) {
        jdbc.sql("""
                        update resident_check set attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                        where id = :id and outcome = 'PENDING'""")
                .param("error", error == null || error.length() <= 1000 ? error : error.substring(0, 1000))
                .param("next", next == null ? null : Timestamp.from(next)).param("id", id).update();
    }

    /** The dossier was received (at a counter, or an online one by reception): it counts for MDSH6 from then. */
    public void received(String code, String receivingAgency, Instant at) {
        jdbc.sql("update resident_check set received_at = ?, receiving_agency = ? where dossier_code = ?")
                .params(Timestamp.from(at), receivingAgency, code).update();
    }

    /** The checks still pending, oldest first: the officials' list. */
    public List<Check> pending(Collection<String> agencies, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from resident_check where outcome = 'PENDING' and receiving_agency = any(:agencies)
                        order by asked_at limit :limit""")
                .param("agencies", agencies.toArray(String[]::new)).param("limit", limit)
                .query(CheckRepository::check).list();
    }

    /**
     * MDSH6's numerator: dossiers received in the agencies (null: the whole province) between the instants whose
     * check is MATCH.
     */
    public long matchedReceived(Collection<String> agencies, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*) from resident_check
                        where outcome = 'MATCH' and (cast(:all as boolean) or receiving_agency = any(:agencies))
                          and received_at >= :from and received_at < :to""")
                .param("all", agencies == null).param("agencies", codes(agencies))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Long.class).single();
    }

    /**
     * The procedures of the dossiers received by the agencies (null: the whole province) between the instants that
     * were checked.
     */
    public Set<String> proceduresChecked(Collection<String> agencies, Instant from, Instant to) {
        return Set.copyOf(jdbc.sql("""
                        select distinct procedure_code from resident_check
                        where (cast(:all as boolean) or receiving_agency = any(:agencies))
                          and received_at >= :from and received_at < :to""")
                .param("all", agencies == null).param("agencies", codes(agencies))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(String.class).list());
    }

    private static String[] codes(Collection<String> agencies) {
        return agencies == null ? new String[0] : agencies.toArray(String[]::new);
    }

    private static String parts(Set<Part> parts) {
        return parts.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Check check(ResultSet rs, int row) throws SQLException {
        Set<Part> mismatched = EnumSet.noneOf(Part.class);
        Arrays.stream(rs.getString("mismatched").split(",")).filter(s -> !s.isBlank())
                .forEach(s -> mismatched.add(Part.valueOf(s)));
        Timestamp checkedAt = rs.getTimestamp("checked_at");
        Timestamp next = rs.getTimestamp("next_attempt_at");
        Instant asked = rs.getTimestamp("asked_at").toInstant();
        return new Check(rs.getLong("id"), rs.getString("dossier_code"), rs.getString("procedure_code"),
                new Identity(rs.getString("username"), rs.getString("id_number"), rs.getString("full_name"),
                        rs.getObject("birth_date", LocalDate.class)),
                new Verdict(Outcome.valueOf(rs.getString("outcome")), mismatched,
                        checkedAt == null ? asked : checkedAt.toInstant()),
                asked, rs.getInt("attempts"), next == null ? null : next.toInstant(), rs.getString("last_error"),
                rs.getString("note"), rs.getString("noted_by"));
    }
}
