package vn.motcua.catalog.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.catalog.ApplicantType;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FeeExemption;
import vn.motcua.catalog.FieldType;
import vn.motcua.catalog.FormField;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureAnnouncement;
import vn.motcua.catalog.ProcedureField;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.catalog.RequiredDocument;
import vn.motcua.catalog.RequiredWhen;
import vn.motcua.platform.text.VietnameseText;
import vn.motcua.platform.web.VietnamTime;

/** The procedure aggregate in its tables: one row in {@code procedure} and ordered child rows. */
@Repository
public class CatalogRepository {

    private static final String PROCEDURE_COLUMNS = """
            p.id, p.code, p.name, f.name as field_name, p.level, p.implementing_agency, p.online_level,
            p.processing_days, p.processing_time, p.fee_note, p.applicant_types, p.requirements, p.legal_basis,
            p.result, p.steps""";

    private final JdbcClient jdbc;
    private final Clock clock;

    CatalogRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Procedure> find(String code) {
        List<Procedure> found = load("where p.code = :code", Map.of("code", code));
        return found.stream().findFirst();
    }

    /** Every procedure, ordered by field then name. */
    public List<Procedure> findAll() {
        return load("", Map.of());
    }

    public List<Procedure> findPage(int offset, int limit) {
        return load("order by p.code offset :offset limit :limit", Map.of("offset", offset, "limit", limit));
    }

    public int count() {
        return jdbc.sql("select count(*) from procedure").query(Integer.class).single();
    }

    public List<ProcedureField> fields() {
        return jdbc.sql("""
                select f.slug, f.name, count(p.id) from procedure_field f
                left join procedure p on p.field_slug = f.slug
                group by f.slug, f.name having count(p.id) > 0 order by f.name collate motcua_vi """)
                .query((rs, i) -> new ProcedureField(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
    }

    /**
     * Procedures matching the given filters, each optional. A commune-level procedure that lists no agency is done
     * by every commune, so it matches any commune passed as {@code agencyIsCommune}.
     */
    public List<ProcedureSummary> browse(Browse filter, int offset, int limit) {
        return jdbc.sql("""
                select p.code, p.name, f.name, p.level, p.online_level, p.processing_days
                from procedure p join procedure_field f on f.slug = p.field_slug
                """ + browseWhere() + " order by f.name collate motcua_vi, p.name collate motcua_vi offset :offset limit :limit")
                .params(browseParams(filter)).param("offset", offset).param("limit", limit)
                .query((rs, i) -> new ProcedureSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                        ProcedureLevel.valueOf(rs.getString(4)), OnlineLevel.valueOf(rs.getString(5)), rs.getInt(6)))
                .list();
    }

    public int countBrowse(Browse filter) {
        return jdbc.sql("select count(*) from procedure p join procedure_field f on f.slug = p.field_slug " + browseWhere())
                .params(browseParams(filter)).query(Integer.class).single();
    }

    private static String browseWhere() {
        return """
                where (cast(:field as text) is null or p.field_slug = :field)
                  and (cast(:level as text) is null or p.level = :level)
                  and (cast(:online as text) is null or p.online_level = :online)
                  and (cast(:agency as text) is null
                       or exists (select 1 from procedure_agency a where a.procedure_id = p.id and a.agency_code = :agency)
                       or (:agencyIsCommune and p.level = 'COMMUNE'
                           and not exists (select 1 from procedure_agency a where a.procedure_id = p.id)))
                """;
    }

    private static Map<String, Object> browseParams(Browse filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("field", filter.fieldSlug());
        params.put("level", filter.level() == null ? null : filter.level().name());
        params.put("online", filter.onlineLevel() == null ? null : filter.onlineLevel().name());
        params.put("agency", filter.agencyCode());
        params.put("agencyIsCommune", filter.agencyIsCommune());
        return params;
    }

    /** Filters for browsing; null means any. */
    public record Browse(String fieldSlug, ProcedureLevel level, OnlineLevel onlineLevel, String agencyCode,
                         boolean agencyIsCommune) {
    }

    /**
     * Creates or replaces the procedure with this code, children included, in the caller's transaction.
     *
     * @return true when the procedure was new
     */
    @Transactional
    public boolean save(Procedure p) {
        String slug = VietnameseText.slug(p.field());
        jdbc.sql("insert into procedure_field (slug, name) values (?, ?) on conflict (slug) do nothing")
                .params(slug, p.field().trim()).update();
        Long existing = jdbc.sql("select id from procedure where code = ? for update").param(p.code())
                .query(Long.class).optional().orElse(null);
        Map<String, Object> row = new HashMap<>();
        row.put("code", p.code());
        row.put("name", p.name());
        row.put("field", slug);
        row.put("level", p.level().name());
        row.put("agency", p.implementingAgency());
        row.put("online", p.onlineLevel().name());
        row.put("days", p.processingDays());
        row.put("time", p.processingTime());
        row.put("feeNote", p.feeNote());
        row.put("applicants", p.applicantTypes().stream().map(Enum::name).toArray(String[]::new));
        row.put("requirements", p.requirements());
        row.put("legal", p.legalBasis().toArray(String[]::new));
        row.put("result", p.result());
        row.put("steps", p.steps());
        row.put("today", LocalDate.now(clock.withZone(VietnamTime.ZONE)));
        long id;
        if (existing == null) {
            id = jdbc.sql("""
                    insert into procedure (code, name, field_slug, level, implementing_agency, online_level,
                        processing_days, processing_time, fee_note, applicant_types, requirements, legal_basis, result, steps,
                        first_published_on)
                    values (:code, :name, :field, :level, :agency, :online, :days, :time, :feeNote, :applicants,
                        :requirements, :legal, :result, :steps, :today)
                    returning id""").params(row).query(Long.class).single();
        } else {
            id = existing;
            jdbc.sql("""
                    update procedure set name = :name, field_slug = :field, level = :level, implementing_agency = :agency,
                        online_level = :online, processing_days = :days, processing_time = :time, fee_note = :feeNote,
                        applicant_types = :applicants, requirements = :requirements, legal_basis = :legal,
                        result = :result, steps = :steps, version = version + 1, updated_at = now()
                    where id = :id""").params(row).param("id", id).update();
            for (String table : List.of("procedure_agency", "procedure_fee", "required_document", "form_field")) {
                jdbc.sql("delete from " + table + " where procedure_id = ?").param(id).update();
            }
        }
        insertChildren(id, p);
        return existing == null;
    }

    private void insertChildren(long id, Procedure p) {
        for (int i = 0; i < p.agencies().size(); i++) {
            jdbc.sql("insert into procedure_agency (procedure_id, position, agency_code) values (?, ?, ?)")
                    .params(id, i, p.agencies().get(i)).update();
        }
        for (int i = 0; i < p.fees().size(); i++) {
            Fee fee = p.fees().get(i);
            jdbc.sql("""
                    insert into procedure_fee (procedure_id, position, description, amount, per_copy_field, exemptions)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id, i, fee.description(), fee.amount(), fee.perCopyField(),
                            fee.exemptions().stream().map(Enum::name).sorted().toArray(String[]::new))
                    .update();
        }
        for (int i = 0; i < p.documents().size(); i++) {
            RequiredDocument d = p.documents().get(i);
            jdbc.sql("""
                    insert into required_document (procedure_id, position, name, originals, copies, mandatory, template_name,
                        required_when_field, required_when_values, held_by_state)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, i, d.name(), d.originals(), d.copies(), d.mandatory(), d.template(),
                            whenField(d.requiredWhen()), whenValues(d.requiredWhen()), d.heldByState()).update();
        }
        for (int i = 0; i < p.formFields().size(); i++) {
            FormField f = p.formFields().get(i);
            jdbc.sql("""
                    insert into form_field (procedure_id, position, key, label, type, required, options, profile_key,
                        required_when_field, required_when_values)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, i, f.key(), f.label(), f.type().name(), f.required(),
                            f.options().toArray(String[]::new), f.profile(),
                            whenField(f.requiredWhen()), whenValues(f.requiredWhen())).update();
        }
    }

    private static String whenField(RequiredWhen when) {
        return when == null ? null : when.field();
    }

    private static String[] whenValues(RequiredWhen when) {
        return when == null ? null : when.values().toArray(String[]::new);
    }

    private static RequiredWhen requiredWhen(ResultSet rs, int fieldColumn) throws SQLException {
        String field = rs.getString(fieldColumn);
        return field == null ? null : new RequiredWhen(field, strings(rs.getArray(fieldColumn + 1)));
    }

    /** When and by what the procedure was announced and first published here (issue 16, national catalog). */
    public Optional<ProcedureAnnouncement> announcement(String code) {
        return jdbc.sql(ANNOUNCEMENT + " where code = ?").param(code).query(CatalogRepository::announcement).optional();
    }

    public List<ProcedureAnnouncement> announcements() {
        return jdbc.sql(ANNOUNCEMENT).query(CatalogRepository::announcement).list();
    }

    /** Records the announcing decision and the effective date, in the caller's transaction. */
    public void announce(String code, String decisionNumber, LocalDate decisionDate, LocalDate effectiveDate) {
        jdbc.sql("update procedure set decision_number = ?, decision_date = ?, effective_date = ? where code = ?")
                .params(decisionNumber, decisionDate, effectiveDate, code).update();
    }

    private static final String ANNOUNCEMENT =
            "select code, decision_number, decision_date, effective_date, first_published_on from procedure";

    private static ProcedureAnnouncement announcement(ResultSet rs, int i) throws SQLException {
        return new ProcedureAnnouncement(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class));
    }

    public boolean delete(String code) {
        return jdbc.sql("delete from procedure where code = ?").param(code).update() > 0;
    }

    /** Loads procedures with their children in five queries, whatever their number. */
    private List<Procedure> load(String clause, Map<String, ?> params) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.sql("select " + PROCEDURE_COLUMNS + " from procedure p join procedure_field f on f.slug = p.field_slug "
                        + (clause.isEmpty() ? "order by f.name collate motcua_vi, p.name collate motcua_vi" : clause))
                .params(params)
                .query((ResultSet rs) -> {
                    rows.put(rs.getLong("id"), new Row(rs));
                });
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.keySet().toArray(Long[]::new);
        jdbc.sql("select procedure_id, agency_code from procedure_agency where procedure_id = any(?) order by procedure_id, position")
                .param(ids).query((ResultSet rs) -> {
                    rows.get(rs.getLong(1)).agencies.add(rs.getString(2));
                });
        jdbc.sql("""
                select procedure_id, description, amount, per_copy_field, exemptions from procedure_fee
                where procedure_id = any(?) order by procedure_id, position""")
                .param(ids).query((ResultSet rs) -> {
                    rows.get(rs.getLong(1)).fees.add(new Fee(rs.getString(2), rs.getLong(3), rs.getString(4),
                            exemptions(rs.getArray(5))));
                });
        jdbc.sql("""
                select procedure_id, name, originals, copies, mandatory, template_name, required_when_field,
                       required_when_values, held_by_state
                from required_document where procedure_id = any(?) order by procedure_id, position""")
                .param(ids).query((ResultSet rs) -> {
                    rows.get(rs.getLong(1)).documents.add(new RequiredDocument(rs.getString(2), rs.getInt(3),
                            rs.getInt(4), rs.getBoolean(5), rs.getString(6), requiredWhen(rs, 7),
                            rs.getBoolean(9)));
                });
        jdbc.sql("""
                select procedure_id, key, label, type, required, options, profile_key, required_when_field,
                       required_when_values
                from form_field where procedure_id = any(?) order by procedure_id, position""")
                .param(ids).query((ResultSet rs) -> {
                    rows.get(rs.getLong(1)).formFields.add(new FormField(rs.getString(2), rs.getString(3),
                            FieldType.valueOf(rs.getString(4)), rs.getBoolean(5), strings(rs.getArray(6)),
                            rs.getString(7), requiredWhen(rs, 8)));
                });
        return rows.values().stream().map(Row::toProcedure).toList();
    }

    private static Set<FeeExemption> exemptions(Array array) throws SQLException {
        Set<FeeExemption> exemptions = EnumSet.noneOf(FeeExemption.class);
        strings(array).forEach(e -> exemptions.add(FeeExemption.valueOf(e)));
        return exemptions;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
    }

    private static final class Row {
        final String code, name, field, implementingAgency, processingTime, feeNote, requirements, result, steps;
        final ProcedureLevel level;
        final OnlineLevel onlineLevel;
        final int processingDays;
        final List<ApplicantType> applicantTypes;
        final List<String> legalBasis;
        final List<String> agencies = new ArrayList<>();
        final List<Fee> fees = new ArrayList<>();
        final List<RequiredDocument> documents = new ArrayList<>();
        final List<FormField> formFields = new ArrayList<>();

        Row(ResultSet rs) throws SQLException {
            code = rs.getString("code");
            name = rs.getString("name");
            field = rs.getString("field_name");
            level = ProcedureLevel.valueOf(rs.getString("level"));
            implementingAgency = rs.getString("implementing_agency");
            onlineLevel = OnlineLevel.valueOf(rs.getString("online_level"));
            processingDays = rs.getInt("processing_days");
            processingTime = rs.getString("processing_time");
            feeNote = rs.getString("fee_note");
            applicantTypes = strings(rs.getArray("applicant_types")).stream().map(ApplicantType::valueOf).toList();
            requirements = rs.getString("requirements");
            legalBasis = strings(rs.getArray("legal_basis"));
            result = rs.getString("result");
            steps = rs.getString("steps");
        }

        Procedure toProcedure() {
            return new Procedure(code, name, field, level, implementingAgency, agencies, onlineLevel, processingDays,
                    processingTime, fees, feeNote, documents, applicantTypes, requirements, legalBasis, result, steps,
                    formFields);
        }
    }
}
