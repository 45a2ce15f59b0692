package vn.motcua.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.feedback.InformationRequest;
import vn.motcua.feedback.PetitionAction;
import vn.motcua.feedback.PetitionStatus;

/** Petitions, their requests for more information, their history and their numbers. */
@Repository
public class PetitionRepository {

    private static final String COLUMNS = """
            id, number, status, sender_name, sender_phone, sender_email, sender_username, procedure_code,
            procedure_name, dossier_code, agency_code, content, consent_publish, received_at, answer, refusal_reason,
            closed_at, closed_by, on_time, published_at, published_by, published_question, rated_satisfied, rated_at""";

    private final JdbcClient jdbc;

    PetitionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the year: {@code PAKN-2026-000001}. Counted in the database, never repeated. */
    public String nextNumber(int year) {
        int n = jdbc.sql("""
                insert into petition_counter (year, last) values (?, 1)
                on conflict (year) do update set last = petition_counter.last + 1 returning last""")
                .param(year).query(Integer.class).single();
        return "PAKN-%d-%06d".formatted(year, n);
    }

    public long insert(String number, String senderName, String phone, String email, String username,
                       String procedureCode, String procedureName, String dossierCode, String agencyCode,
                       String content, boolean consent, Instant receivedAt) {
        return jdbc.sql("""
                insert into petition (number, status, sender_name, sender_phone, sender_email, sender_username,
                                      procedure_code, procedure_name, dossier_code, agency_code, content,
                                      consent_publish, received_at)
                values (:number, 'RECEIVED', :name, :phone, :email, :username, :procedure, :procedureName, :dossier,
                        :agency, :content, :consent, :at)
                returning id""")
                .param("number", number).param("name", senderName).param("phone", phone).param("email", email)
                .param("username", username).param("procedure", procedureCode).param("procedureName", procedureName)
                .param("dossier", dossierCode).param("agency", agencyCode).param("content", content)
                .param("consent", consent).param("at", Timestamp.from(receivedAt))
                .query(Long.class).single();
    }

    /** The petition's random tracking key (see V26). */
    public Optional<String> trackingKey(String number) {
        return jdbc.sql("select tracking_key from petition where number = ?").param(number).query(String.class).optional();
    }

    public Optional<StoredPetition> byNumber(String number) {
        return jdbc.sql("select " + COLUMNS + " from petition where number = ?").param(number)
                .query(PetitionRepository::petition).optional();
    }

    /** The petition, its row locked until the transaction ends: every change to it runs one at a time. */
    public Optional<StoredPetition> lock(String number) {
        return jdbc.sql("select " + COLUMNS + " from petition where number = ? for update").param(number)
                .query(PetitionRepository::petition).optional();
    }

    /** The agency's petitions still at work (to answer, waiting for the sender, or to publish). */
    public List<StoredPetition> openOf(String agencyCode) {
        return jdbc.sql("select " + COLUMNS + " from petition" + """
                 where agency_code = ? and (status in ('RECEIVED', 'WAITING_SENDER')
                    or status = 'ANSWERED' and consent_publish)
                order by received_at limit 1000""").param(agencyCode)
                .query(PetitionRepository::petition).list();
    }

    /** The agency's latest closed petitions, newest first. */
    public List<StoredPetition> recentlyClosedOf(String agencyCode, int limit) {
        return jdbc.sql("select " + COLUMNS + " from petition" + """
                 where agency_code = ? and (status in ('REFUSED', 'PUBLISHED')
                    or status = 'ANSWERED' and not consent_publish)
                order by closed_at desc limit ?""").params(agencyCode, limit)
                .query(PetitionRepository::petition).list();
    }

    public List<StoredPetition> published(int offset, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from petition where status = 'PUBLISHED' order by published_at desc, id desc offset ? limit ?")
                .params(offset, limit).query(PetitionRepository::petition).list();
    }

    public int publishedCount() {
        return jdbc.sql("select count(*) from petition where status = 'PUBLISHED'").query(Integer.class).single();
    }

    // ---------------------------------------------------------------- changes

    public void ask(long id, Instant at, String by, String question) {
        jdbc.sql("insert into petition_request (petition_id, asked_at, asked_by, question) values (?, ?, ?, ?)")
                .params(id, Timestamp.from(at), by, question).update();
        status(id, PetitionStatus.WAITING_SENDER);
    }

    public void reply(long id, Instant at, String reply) {
        jdbc.sql("update petition_request set replied_at = ?, reply = ? where petition_id = ? and replied_at is null")
                .params(Timestamp.from(at), reply, id).update();
        status(id, PetitionStatus.RECEIVED);
    }

    public void close(long id, PetitionStatus status, String answer, String refusalReason, Instant at, String by,
                      boolean onTime) {
        jdbc.sql("""
                update petition set status = ?, answer = ?, refusal_reason = ?, closed_at = ?, closed_by = ?, on_time = ?
                where id = ?""")
                .params(status.name(), answer, refusalReason, Timestamp.from(at), by, onTime, id).update();
    }

    public void publish(long id, Instant at, String by, String question) {
        jdbc.sql("""
                update petition set status = 'PUBLISHED', published_at = ?, published_by = ?, published_question = ?
                where id = ?""").params(Timestamp.from(at), by, question, id).update();
    }

    public void rate(long id, boolean satisfied, Instant at) {
        jdbc.sql("update petition set rated_satisfied = ?, rated_at = ? where id = ?")
                .params(satisfied, Timestamp.from(at), id).update();
    }

    public void history(long id, Instant at, String actor, PetitionAction action, PetitionStatus from,
                        PetitionStatus to) {
        jdbc.sql("""
                insert into petition_history (petition_id, at, actor, action, from_status, to_status)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, Timestamp.from(at), actor, action == null ? "SUBMIT" : action.name(),
                        from == null ? null : from.name(), to.name()).update();
    }

    private void status(long id, PetitionStatus status) {
        jdbc.sql("update petition set status = ? where id = ?").params(status.name(), id).update();
    }

    // ---------------------------------------------------------------- requests

    public List<InformationRequest> requests(long petitionId) {
        return requestsOf(List.of(petitionId)).getOrDefault(petitionId, List.of());
    }

    /** The requests of several petitions at once, oldest first, by petition id. */
    public Map<Long, List<InformationRequest>> requestsOf(Collection<Long> petitionIds) {
        if (petitionIds.isEmpty()) {
            return Map.of();
        }
        record Row(long petitionId, InformationRequest request) {
        }
        return jdbc.sql("""
                select petition_id, asked_at, asked_by, question, replied_at, reply from petition_request
                where petition_id in (:ids) order by asked_at, id""").param("ids", petitionIds)
                .query((rs, i) -> new Row(rs.getLong("petition_id"), new InformationRequest(instant(rs, "asked_at"),
                        rs.getString("asked_by"), rs.getString("question"), instant(rs, "replied_at"),
                        rs.getString("reply"))))
                .list().stream()
                .collect(Collectors.groupingBy(Row::petitionId,
                        Collectors.mapping(Row::request, Collectors.toList())));
    }

    private static StoredPetition petition(ResultSet rs, int row) throws SQLException {
        return new StoredPetition(rs.getLong("id"), rs.getString("number"), PetitionStatus.valueOf(rs.getString("status")),
                rs.getString("sender_name"), rs.getString("sender_phone"), rs.getString("sender_email"),
                rs.getString("sender_username"), rs.getString("procedure_code"), rs.getString("procedure_name"),
                rs.getString("dossier_code"), rs.getString("agency_code"), rs.getString("content"),
                rs.getBoolean("consent_publish"), instant(rs, "received_at"), rs.getString("answer"),
                rs.getString("refusal_reason"), instant(rs, "closed_at"), rs.getString("closed_by"),
                (Boolean) rs.getObject("on_time"), instant(rs, "published_at"), rs.getString("published_by"),
                rs.getString("published_question"), (Boolean) rs.getObject("rated_satisfied"),
                instant(rs, "rated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
