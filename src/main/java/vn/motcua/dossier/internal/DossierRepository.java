package vn.motcua.dossier.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView.ApologyInfo;
import vn.motcua.dossier.DossierView.FileInfo;
import vn.motcua.dossier.DossierView.HistoryEntry;
import vn.motcua.dossier.DossierView.PauseInfo;
import vn.motcua.platform.files.FileStore;
import vn.motcua.platform.web.VietnamTime;

/** The dossier aggregate in its tables. SQL for dossiers lives here and nowhere else. */
@Repository
public class DossierRepository {

    private final JdbcClient jdbc;
    private final FileStore files;
    private final JsonMapper json;

    DossierRepository(JdbcClient jdbc, JsonMapper json, FileStore files) {
        this.files = files;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Inserts the dossier, unless its owner already created one with the same idempotency key.
     *
     * @return false when such a dossier exists (nothing inserted)
     */
    public boolean insertIfNew(Dossier d) {
        Optional<Long> id = jdbc.sql(INSERT + """
                on conflict (created_by, idempotency_key) where idempotency_key is not null do nothing
                returning id""").params(params(d)).query(Long.class).optional();
        id.ifPresent(value -> d.id = value);
        return id.isPresent();
    }

    public long insert(Dossier d) {
        d.id = jdbc.sql(INSERT + " returning id").params(params(d)).query(Long.class).single();
        return d.id;
    }

    private static final String INSERT = """
                insert into dossier (code, status, channel, procedure_code, procedure_name, processing_days, process_id,
                    step, step_started_at, receiving_agency, competent_agency, current_agency, parent_id, owner,
                    applicant_name, applicant_id_number, applicant_phone, applicant_email, applicant_address,
                    organization_name, tax_code, form_data, sets, submitted_at, received_at, received_by, counter_id,
                    log_entry, due_at, legal_due_at, created_by, idempotency_key)
                values (:code, :status, :channel, :procedureCode, :procedureName, :processingDays, :processId, :step,
                    :stepStartedAt, :receivingAgency, :competentAgency, :currentAgency, :parentId, :owner,
                    :applicantName, :idNumber, :phone, :email, :address, :organizationName, :taxCode,
                    cast(:formData as jsonb), :sets, :submittedAt, :receivedAt, :receivedBy, :counterId, :logEntry,
                    :dueAt, :legalDueAt, :createdBy, :idempotencyKey)
                """;

    /** Writes the dossier back; fails when someone else changed it since it was read. */
    public void update(Dossier d) {
        int updated = jdbc.sql("""
                update dossier set code = :code, status = :status, step = :step, step_started_at = :stepStartedAt,
                    receiving_agency = :receivingAgency, competent_agency = :competentAgency,
                    current_agency = :currentAgency, applicant_name = :applicantName, applicant_id_number = :idNumber,
                    applicant_phone = :phone, applicant_email = :email, applicant_address = :address,
                    organization_name = :organizationName, tax_code = :taxCode, form_data = cast(:formData as jsonb),
                    sets = :sets, submitted_at = :submittedAt, received_at = :receivedAt, received_by = :receivedBy,
                    counter_id = :counterId, log_entry = :logEntry, due_at = :dueAt, legal_due_at = :legalDueAt,
                    result_at = :resultAt, finished_at = :finishedAt, timeliness = :timeliness,
                    return_method = :returnMethod, idempotency_key = :idempotencyKey,
                    version = version + 1, updated_at = now()
                where id = :id and version = :version""").params(params(d)).param("resultAt", ts(d.resultAt))
                .param("finishedAt", ts(d.finishedAt)).param("timeliness", d.timeliness)
                .param("returnMethod", d.returnMethod).param("id", d.id).param("version", d.version).update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("Dossier " + d.id + " was changed concurrently");
        }
        d.version++;
    }

    private Map<String, Object> params(Dossier d) {
        Map<String, Object> p = new HashMap<>();
        p.put("code", d.code);
        p.put("status", d.status.name());
        p.put("channel", d.channel.name());
        p.put("procedureCode", d.procedureCode);
        p.put("procedureName", d.procedureName);
        p.put("processingDays", d.processingDays);
        p.put("processId", d.processId);
        p.put("step", d.step);
        p.put("stepStartedAt", ts(d.stepStartedAt));
        p.put("receivingAgency", d.receivingAgency);
        p.put("competentAgency", d.competentAgency);
        p.put("currentAgency", d.currentAgency);
        p.put("parentId", d.parentId);
        p.put("owner", d.owner);
        Applicant a = d.applicant;
        p.put("applicantName", a.fullName());
        p.put("idNumber", a.idNumber());
        p.put("phone", a.phone());
        p.put("email", a.email());
        p.put("address", a.address());
        p.put("organizationName", a.organizationName());
        p.put("taxCode", a.taxCode());
        p.put("formData", json.writeValueAsString(d.formData));
        p.put("sets", d.sets);
        p.put("submittedAt", ts(d.submittedAt));
        p.put("receivedAt", ts(d.receivedAt));
        p.put("receivedBy", d.receivedBy);
        p.put("counterId", d.counterId);
        p.put("logEntry", d.logEntry);
        p.put("dueAt", ts(d.dueAt));
        p.put("legalDueAt", ts(d.legalDueAt));
        p.put("idempotencyKey", d.idempotencyKey);
        p.put("createdBy", d.createdBy);
        return p;
    }

    /** The form data of the owner's latest submitted dossiers of other procedures, newest first. */
    public List<Map<String, String>> recentFormData(String owner, String exceptProcedure, int limit) {
        return jdbc.sql("""
                select form_data from dossier where owner = ? and status <> 'DRAFT' and procedure_code <> ?
                order by created_at desc limit ?""").params(owner, exceptProcedure, limit)
                .query((rs, i) -> json.readValue(rs.getString(1), new TypeReference<Map<String, String>>() {
                })).list();
    }

    /** The dossier's random tracking key (see V26). */
    public Optional<String> trackingKey(long dossierId) {
        return jdbc.sql("select tracking_key from dossier where id = ?").param(dossierId).query(String.class).optional();
    }

    public Optional<String> trackingKeyByCode(String code) {
        return jdbc.sql("select tracking_key from dossier where code = ?").param(code).query(String.class).optional();
    }

    public Optional<Dossier> findByCode(String code) {
        return jdbc.sql("select * from dossier where code = ?").param(code).query(this::dossier).optional();
    }

    public Optional<Dossier> findById(long id) {
        return jdbc.sql("select * from dossier where id = ?").param(id).query(this::dossier).optional();
    }

    public Optional<Dossier> findByIdempotencyKey(String createdBy, String key) {
        return jdbc.sql("select * from dossier where created_by = ? and idempotency_key = ?").params(createdBy, key)
                .query(this::dossier).optional();
    }

    /** Locks the row for the rest of the transaction: one action at a time per dossier. */
    public Optional<Dossier> lockByCode(String code) {
        return jdbc.sql("select * from dossier where code = ? for update").param(code).query(this::dossier).optional();
    }

    public Optional<Dossier> lockById(long id) {
        return jdbc.sql("select * from dossier where id = ? for update").param(id).query(this::dossier).optional();
    }

    public List<Dossier> children(long parentId) {
        return jdbc.sql("select * from dossier where parent_id = ? order by id").param(parentId).query(this::dossier).list();
    }

    public Optional<String> codeOf(long id) {
        return jdbc.sql("select code from dossier where id = ?").param(id).query(String.class).optional();
    }

    /** The next entry number of a counter's dossier log (form 07) for the year. */
    public int nextLogEntry(String agencyCode, int year) {
        return jdbc.sql("""
                select coalesce(max(log_entry), 0) + 1 from dossier
                where receiving_agency = ? and log_entry is not null
                  and extract(year from received_at at time zone ?) = ?""")
                .params(agencyCode, VietnamTime.ZONE_ID, year).query(Integer.class).single();
    }

    public List<Dossier> search(String where, Map<String, ?> params, String orderAndLimit) {
        return jdbc.sql("select * from dossier where " + where + " " + orderAndLimit).params(params)
                .query(this::dossier).list();
    }

    public int count(String where, Map<String, ?> params) {
        return jdbc.sql("select count(*) from dossier where " + where).params(params).query(Integer.class).single();
    }

    public void deleteDraft(long id) {
        jdbc.sql("delete from dossier where id = ? and status = 'DRAFT'").param(id).update();
    }

    // ------------------------------------------------------------------ files

    public long insertFile(long dossierId, Integer documentIndex, String kind, String fileName, String contentType,
                           byte[] content, String sha256, boolean digitised, boolean fromStore, String uploadedBy,
                           String signatureStatus, String signatureSigner) {
        // The bytes go to the file store once, under their hash; a file taken from the data store is already there.
        files.put(content, sha256);
        return jdbc.sql("""
                insert into dossier_file (dossier_id, document_index, kind, file_name, content_type, size, sha256,
                                          digitised, from_store, uploaded_by, signature_status, signature_signer)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(dossierId, documentIndex, kind, fileName, contentType, content.length, sha256,
                        digitised, fromStore, uploadedBy, signatureStatus, signatureSigner)
                .query(Long.class).single();
    }

    /** How many of the dossier's documents were digitised at the counter, and how many came from the data store. */
    public int[] documentOrigins(long dossierId) {
        return jdbc.sql("""
                select count(*) filter (where digitised), count(*) filter (where from_store)
                from dossier_file where dossier_id = ? and kind <> 'RESULT'""").param(dossierId)
                .query((rs, i) -> new int[]{rs.getInt(1), rs.getInt(2)}).single();
    }

    public void deleteFile(long dossierId, long fileId) {
        jdbc.sql("delete from dossier_file where dossier_id = ? and id = ?").params(dossierId, fileId).update();
    }

    public List<FileInfo> files(long dossierId) {
        return jdbc.sql("""
                select id, document_index, kind, file_name, content_type, size, sha256, digitised, uploaded_at,
                       signature_status, signature_signer
                from dossier_file where dossier_id = ? order by id""").param(dossierId)
                .query((rs, i) -> new FileInfo(rs.getLong(1), rs.getObject(2, Integer.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getBoolean(8),
                        instant(rs, 9), rs.getString(10), rs.getString(11)))
                .list();
    }

    public Optional<byte[]> fileContent(long dossierId, long fileId) {
        return jdbc.sql("select sha256 from dossier_file where dossier_id = ? and id = ?").params(dossierId, fileId)
                .query(String.class).optional().flatMap(files::get);
    }

    // ------------------------------------------------------------------ history, pauses, apologies

    public void history(long dossierId, Instant at, String actor, String actorName, String agency, String action,
                        DossierStatus from, DossierStatus to, Integer fromStep, Integer toStep, String note,
                        Map<String, ?> details) {
        jdbc.sql("""
                insert into dossier_history (dossier_id, at, actor, actor_name, agency_code, action, from_status,
                                             to_status, from_step, to_step, note, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(dossierId, ts(at), actor, actorName, agency, action, from == null ? null : from.name(),
                        to.name(), fromStep, toStep, note, details == null ? null : json.writeValueAsString(details))
                .update();
    }

    public List<HistoryEntry> history(long dossierId) {
        return jdbc.sql("""
                select at, actor, actor_name, agency_code, action, from_status, to_status, from_step, to_step, note
                from dossier_history where dossier_id = ? order by at, id""").param(dossierId)
                .query((rs, i) -> new HistoryEntry(instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, Integer.class),
                        rs.getObject(9, Integer.class), rs.getString(10)))
                .list();
    }

    public void openPause(long dossierId, Instant at, List<String> items, String note, String requestedBy) {
        jdbc.sql("insert into dossier_pause (dossier_id, started_at, items, note, requested_by) values (?, ?, cast(? as jsonb), ?, ?)")
                .params(dossierId, ts(at), json.writeValueAsString(items), note, requestedBy).update();
    }

    public void closePause(long dossierId, Instant at) {
        jdbc.sql("update dossier_pause set ended_at = ? where dossier_id = ? and ended_at is null")
                .params(ts(at), dossierId).update();
    }

    public List<PauseInfo> pauses(long dossierId) {
        return jdbc.sql("select started_at, ended_at, items::text, note from dossier_pause where dossier_id = ? order by started_at")
                .param(dossierId)
                .query((rs, i) -> new PauseInfo(instant(rs, 1), instant(rs, 2),
                        json.readValue(rs.getString(3), new TypeReference<List<String>>() {
                        }), rs.getString(4)))
                .list();
    }

    public void apology(long dossierId, Instant at, Instant previousDue, Instant newDue, String reason, String by,
                        String signerName, String signerTitle) {
        jdbc.sql("""
                insert into dossier_apology (dossier_id, at, previous_due_at, new_due_at, reason, issued_by,
                                             signer_name, signer_title)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dossierId, ts(at), ts(previousDue), ts(newDue), reason, by, signerName, signerTitle).update();
    }

    public List<ApologyInfo> apologies(long dossierId) {
        return jdbc.sql("""
                        select at, previous_due_at, new_due_at, reason, signer_name, signer_title from dossier_apology
                        where dossier_id = ? order by at""")
                .param(dossierId)
                .query((rs, i) -> new ApologyInfo(instant(rs, 1), instant(rs, 2), instant(rs, 3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    // ------------------------------------------------------------------ mapping

    private Dossier dossier(ResultSet rs, int row) throws SQLException {
        Dossier d = new Dossier();
        d.id = rs.getLong("id");
        d.code = rs.getString("code");
        d.status = DossierStatus.valueOf(rs.getString("status"));
        d.channel = Channel.valueOf(rs.getString("channel"));
        d.procedureCode = rs.getString("procedure_code");
        d.procedureName = rs.getString("procedure_name");
        d.processingDays = rs.getInt("processing_days");
        d.processId = rs.getLong("process_id");
        d.step = rs.getInt("step");
        d.stepStartedAt = instant(rs, "step_started_at");
        d.receivingAgency = rs.getString("receiving_agency");
        d.competentAgency = rs.getString("competent_agency");
        d.currentAgency = rs.getString("current_agency");
        d.parentId = rs.getObject("parent_id", Long.class);
        d.owner = rs.getString("owner");
        d.applicant = new Applicant(d.owner, rs.getString("applicant_name"), rs.getString("applicant_id_number"),
                rs.getString("applicant_phone"), rs.getString("applicant_email"), rs.getString("applicant_address"),
                rs.getString("organization_name"), rs.getString("tax_code"));
        d.formData = json.readValue(rs.getString("form_data"), new TypeReference<Map<String, String>>() {
        });
        d.sets = rs.getInt("sets");
        d.submittedAt = instant(rs, "submitted_at");
        d.receivedAt = instant(rs, "received_at");
        d.receivedBy = rs.getString("received_by");
        d.counterId = rs.getObject("counter_id", Long.class);
        d.logEntry = rs.getObject("log_entry", Integer.class);
        d.dueAt = instant(rs, "due_at");
        d.legalDueAt = instant(rs, "legal_due_at");
        d.resultAt = instant(rs, "result_at");
        d.finishedAt = instant(rs, "finished_at");
        d.timeliness = rs.getString("timeliness");
        d.returnMethod = rs.getString("return_method");
        d.idempotencyKey = rs.getString("idempotency_key");
        d.createdBy = rs.getString("created_by");
        d.version = rs.getInt("version");
        d.createdAt = instant(rs, "created_at");
        return d;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
