package vn.motcua.reporting.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import vn.motcua.reporting.Measure;
import vn.motcua.reporting.internal.Contributions.Key;

/** The read model's tables: the event history, the daily and monthly counts, and one row per received dossier. */
@Repository
public class ReportStore {

    static final String COLUMNS = Arrays.stream(Measure.values()).map(Measure::column).collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;

    ReportStore(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
    }

    // ------------------------------------------------------------------ history

    /**
     * Takes the folder's lock (one folder or rebuild at a time, across nodes) before the transaction's first query,
     * so that its snapshot includes everything the previous folder committed. Without {@code wait}, returns false when
     * another holds it.
     */
    boolean lockFolder(boolean wait) {
        try {
            jdbc.sql("lock table report_folder in exclusive mode" + (wait ? "" : " nowait")).update();
            return true;
        } catch (org.springframework.dao.DataAccessException e) {
            if (!wait && e.getMostSpecificCause() instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return false; // lock_not_available: another folder is at work
            }
            throw e;
        }
    }

    /** A fact with its row id. */
    record Stored(long id, Fact fact) {
    }

    /** Facts not yet folded into the counts, oldest first. */
    List<Stored> unfolded(int limit) {
        return jdbc.sql("select id, " + FACT_COLUMNS + " from report_event where not folded order by id limit ?")
                .param(limit).query((rs, i) -> new Stored(rs.getLong(1), fact(rs, 1))).list();
    }

    /** The facts already folded of these subjects. */
    List<Fact> folded(java.util.Collection<String> subjects) {
        return template.query(con -> {
            PreparedStatement ps = con.prepareStatement("select " + FACT_COLUMNS
                    + " from report_event where subject = any(?) and folded");
            ps.setArray(1, con.createArrayOf("varchar", subjects.toArray()));
            return ps;
        }, (rs, i) -> fact(rs, 0));
    }

    void markFolded(List<Long> ids) {
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement("update report_event set folded = true where id = any(?)");
            ps.setArray(1, con.createArrayOf("bigint", ids.toArray()));
            return ps;
        });
    }

    /** Appends the fact to the history; false when it is already there (the event was delivered again). */
    boolean append(Fact f) {
        return jdbc.sql("""
                insert into report_event (subject, kind, at, agency, procedure, channel, due_at, n1, n2, amount, flag, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(f.subject(), f.kind().name(), Timestamp.from(f.at()), f.agency(), f.procedure(), f.channel(),
                        f.dueAt() == null ? null : Timestamp.from(f.dueAt()), f.n1(), f.n2(), f.amount(), f.flag(),
                        f.detail())
                .update() == 1;
    }

    /** Appends many facts at once (a demo history); facts already there are skipped. */
    public void appendAll(List<Fact> facts) {
        template.batchUpdate("""
                insert into report_event (subject, kind, at, agency, procedure, channel, due_at, n1, n2, amount, flag, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", facts, 1000, (ps, f) -> {
            ps.setString(1, f.subject());
            ps.setString(2, f.kind().name());
            ps.setTimestamp(3, Timestamp.from(f.at()));
            ps.setString(4, f.agency());
            ps.setString(5, f.procedure());
            ps.setString(6, f.channel());
            ps.setTimestamp(7, f.dueAt() == null ? null : Timestamp.from(f.dueAt()));
            ps.setInt(8, f.n1());
            ps.setInt(9, f.n2());
            ps.setLong(10, f.amount());
            ps.setBoolean(11, f.flag());
            ps.setString(12, f.detail());
        });
    }

    public boolean hasHistory() {
        return jdbc.sql("select exists (select 1 from report_event)").query(Boolean.class).single();
    }

    private static final String FACT_COLUMNS = "subject, kind, at, agency, procedure, channel, due_at, n1, n2, amount, flag, detail";

    /** The fact in the columns after {@code skip} columns of the row. */
    private static Fact fact(ResultSet rs, int skip) throws SQLException {
        Timestamp due = rs.getTimestamp(skip + 7);
        return new Fact(rs.getString(skip + 1), Fact.Kind.valueOf(rs.getString(skip + 2)),
                rs.getTimestamp(skip + 3).toInstant(), rs.getString(skip + 4), rs.getString(skip + 5),
                rs.getString(skip + 6), due == null ? null : due.toInstant(), rs.getInt(skip + 8), rs.getInt(skip + 9),
                rs.getLong(skip + 10), rs.getBoolean(skip + 11), rs.getString(skip + 12));
    }

    /** Every subject's facts, one subject at a time (the history ordered by subject), for a rebuild. */
    void eachSubject(Consumer<List<Fact>> subject) {
        List<Fact> current = new ArrayList<>();
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement("select " + FACT_COLUMNS + " from report_event order by subject",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(10_000);
            return ps;
        }, rs -> {
            Fact f = fact(rs, 0);
            if (!current.isEmpty() && !current.getFirst().subject().equals(f.subject())) {
                subject.accept(List.copyOf(current));
                current.clear();
            }
            current.add(f);
        });
        if (!current.isEmpty()) {
            subject.accept(List.copyOf(current));
        }
    }

    // ------------------------------------------------------------------ counts

    /** Adds the changes to the daily and the monthly counts. */
    void add(Contributions delta) {
        if (delta.isEmpty()) {
            return;
        }
        upsert("report_day", delta);
        upsert("report_month", delta.byMonth());
        upsert("report_month_total", delta.byMonth().allProcedures());
    }

    private void upsert(String table, Contributions delta) {
        String updates = Arrays.stream(Measure.values())
                .map(m -> m.column() + " = " + table + "." + m.column() + " + excluded." + m.column())
                .collect(Collectors.joining(", "));
        String sql = "insert into " + table + " (day, agency, procedure, channel, " + COLUMNS + ") values (?, ?, ?, ?"
                + ", ?".repeat(Measure.values().length) + ") on conflict (day, agency, procedure, channel) do update set "
                + updates;
        List<Object[]> rows = new ArrayList<>();
        delta.rows().forEach((key, values) -> {
            Object[] row = new Object[4 + values.length];
            row[0] = key.day();
            row[1] = key.agency();
            row[2] = key.procedure();
            row[3] = key.channel();
            for (int i = 0; i < values.length; i++) {
                row[4 + i] = values[i];
            }
            rows.add(row);
        });
        template.batchUpdate(sql, rows);
    }

    /** What counts as a procedure's use online: the partial indexes of V20 are on exactly this condition. */
    private static final String USED_ONLINE = "(received > 0 and channel in ('ONLINE', 'NATIONAL_PORTAL') or paid_online > 0)";

    /**
     * Sums over the days {@code from}–{@code to} of the agencies (null: all): per agency and channel, whole months read
     * from the monthly totals and the edges from the daily counts; and which procedures received a dossier online or
     * were paid for online.
     */
    public Sums sums(LocalDate from, LocalDate to, List<String> agencies) {
        String sums = Arrays.stream(Measure.values()).map(m -> "sum(" + m.column() + ")").collect(Collectors.joining(", "));
        List<Row> totals = query("select agency, channel, " + sums + " from (%s) r group by agency, channel",
                "select * from report_month_total where %s", "select * from report_day where %s", "true",
                from, to, agencies, (rs, i) -> {
                    long[] values = new long[Measure.values().length];
                    for (int m = 0; m < values.length; m++) {
                        values[m] = rs.getLong(3 + m);
                    }
                    return new Row(rs.getString(1), "", rs.getString(2), values);
                });
        String columns = "select agency, procedure, channel, received, paid_online from ";
        List<ProcedureUse> procedures = query("""
                        select agency, procedure, bool_or(received > 0 and channel in ('ONLINE', 'NATIONAL_PORTAL')),
                               bool_or(paid_online > 0) from (%s) r group by agency, procedure""",
                columns + "report_month where %s", columns + "report_day where %s", USED_ONLINE, from, to, agencies,
                (rs, i) -> new ProcedureUse(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)));
        return new Sums(totals, procedures);
    }

    /**
     * Runs {@code outer} over the union of {@code monthly} for the whole months of the period and {@code daily} for
     * the days at its edges, each filtered by {@code condition} and the agencies.
     */
    private <T> List<T> query(String outer, String monthly, String daily, String condition, LocalDate from, LocalDate to,
                              List<String> agencies, org.springframework.jdbc.core.RowMapper<T> mapper) {
        LocalDate firstWholeMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastWholeMonth = to.plusDays(1).withDayOfMonth(1);
        String agencyFilter = agencies == null ? "" : " and agency = any(?)";
        List<Object> params = new ArrayList<>();
        String inner;
        if (firstWholeMonth.isBefore(afterLastWholeMonth)) {
            inner = monthly.formatted("day >= ? and day < ? and " + condition + agencyFilter) + " union all "
                    + daily.formatted("(day >= ? and day < ? or day >= ? and day <= ?) and " + condition + agencyFilter);
            params.addAll(List.of(firstWholeMonth, afterLastWholeMonth));
            addAgencies(params, agencies);
            params.addAll(List.of(from, firstWholeMonth, afterLastWholeMonth, to));
        } else {
            inner = daily.formatted("day >= ? and day <= ? and " + condition + agencyFilter);
            params.addAll(List.of(from, to));
        }
        addAgencies(params, agencies);
        return template.query(con -> {
            PreparedStatement ps = con.prepareStatement(outer.formatted(inner));
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] codes) {
                    ps.setArray(i + 1, con.createArrayOf("varchar", codes));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            return ps;
        }, mapper);
    }

    private static void addAgencies(List<Object> params, List<String> agencies) {
        if (agencies != null) {
            params.add(agencies.toArray(String[]::new));
        }
    }

    /** Summed counts of one agency and channel (procedure empty: all of them). */
    public record Row(String agency, String procedure, String channel, long[] values) {
    }

    /** Whether an agency's procedure received a dossier online, and was paid for online, in the period. */
    public record ProcedureUse(String agency, String procedure, boolean onlineDossier, boolean onlinePayment) {
    }

    public record Sums(List<Row> totals, List<ProcedureUse> procedures) {

        /** The part of the sums that concerns these agencies. */
        public Sums of(java.util.Set<String> agencies) {
            return new Sums(totals.stream().filter(r -> agencies.contains(r.agency())).toList(),
                    procedures.stream().filter(p -> agencies.contains(p.agency())).toList());
        }
    }

    /** Every non-zero row of the daily and monthly tables, for comparing a rebuild with the live model. */
    public Map<String, List<String>> snapshot() {
        return Map.of("report_day", dump("report_day"), "report_month", dump("report_month"),
                "report_month_total", dump("report_month_total"),
                "report_dossier", jdbc.sql("select * from report_dossier order by code").query((rs, i) -> {
                    StringBuilder s = new StringBuilder();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        s.append(rs.getString(c)).append('|');
                    }
                    return s.toString();
                }).list());
    }

    private List<String> dump(String table) {
        String nonZero = Arrays.stream(Measure.values()).map(m -> m.column() + " <> 0").collect(Collectors.joining(" or "));
        return jdbc.sql("select day, agency, procedure, channel, " + COLUMNS + " from " + table + " where " + nonZero
                        + " order by day, agency, procedure, channel")
                .query((rs, i) -> {
                    StringBuilder s = new StringBuilder();
                    for (int c = 1; c <= 4 + Measure.values().length; c++) {
                        s.append(rs.getString(c)).append('|');
                    }
                    return s.toString();
                }).list();
    }

    // ------------------------------------------------------------------ dossiers

    void save(List<DossierTally> tallies) {
        List<Object[]> rows = tallies.stream().filter(DossierTally::received)
                .map(t -> dossierRow(t, t.endedAt()).toArray()).toList();
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into report_dossier (code, agency, procedure, channel, received_at, legal_due_at, ended_at, outcome,
                    timeliness, supplements, digitised, reused, e_result, fee_paid, paid_online, satisfied, paid_at,
                    rated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set agency = excluded.agency, procedure = excluded.procedure,
                    channel = excluded.channel, received_at = excluded.received_at, legal_due_at = excluded.legal_due_at,
                    ended_at = excluded.ended_at, outcome = excluded.outcome, timeliness = excluded.timeliness,
                    supplements = excluded.supplements, digitised = excluded.digitised, reused = excluded.reused,
                    e_result = excluded.e_result, fee_paid = excluded.fee_paid, paid_online = excluded.paid_online,
                    satisfied = excluded.satisfied, paid_at = excluded.paid_at, rated_at = excluded.rated_at""", rows);
    }

    private static List<Object> dossierRow(DossierTally t, Instant ended) {
        List<Object> row = new ArrayList<>();
        row.add(t.code);
        row.add(t.agency);
        row.add(t.procedure);
        row.add(t.channel);
        row.add(Timestamp.from(t.receivedAt));
        row.add(t.legalDueAt == null ? null : Timestamp.from(t.legalDueAt));
        row.add(ended == null ? null : Timestamp.from(ended));
        row.add(t.outcome() == null ? null : t.outcome().name());
        row.add(t.timeliness() == null ? null : t.timeliness().name());
        row.add(t.supplementRequests.size());
        row.add(t.digitised > 0);
        row.add(t.stored > 0);
        row.add(t.resultAt != null);
        row.add(t.paidAt != null);
        row.add(t.paidOnline);
        row.add(t.ratedAt == null ? null : t.satisfied);
        row.add(t.paidAt == null ? null : Timestamp.from(t.paidAt));
        row.add(t.ratedAt == null ? null : Timestamp.from(t.ratedAt));
        return row;
    }

    // ------------------------------------------------------------------ rebuild

    void clear() {
        jdbc.sql("truncate report_day, report_month, report_month_total, report_dossier").update();
    }

    /** After a rebuild: every fact it saw is folded (facts committed meanwhile are not visible to it, and wait). */
    void markAllFolded() {
        jdbc.sql("update report_event set folded = true where not folded").update();
    }

    /** Writes the counts of a rebuild with COPY: one pass, no per-row round trips. */
    void copyCounts(Contributions all) {
        copy("report_day", "day, agency, procedure, channel, " + COLUMNS, countLines(all));
        Contributions months = all.byMonth();
        copy("report_month", "day, agency, procedure, channel, " + COLUMNS, countLines(months));
        copy("report_month_total", "day, agency, procedure, channel, " + COLUMNS, countLines(months.allProcedures()));
    }

    void copyDossiers(List<DossierTally> tallies) {
        StringBuilder lines = new StringBuilder();
        for (DossierTally t : tallies) {
            if (!t.received()) {
                continue;
            }
            List<Object> row = dossierRow(t, t.endedAt());
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                lines.append(i == 0 ? "" : "\t").append(v == null ? "\\N" : v instanceof Timestamp ts
                        ? ts.toInstant().toString() : v.toString());
            }
            lines.append('\n');
        }
        copy("report_dossier", "code, agency, procedure, channel, received_at, legal_due_at, ended_at, outcome, "
                + "timeliness, supplements, digitised, reused, e_result, fee_paid, paid_online, satisfied, paid_at, rated_at", lines);
    }

    private static StringBuilder countLines(Contributions c) {
        StringBuilder lines = new StringBuilder();
        c.rows().forEach((Key key, long[] values) -> {
            if (Arrays.stream(values).allMatch(v -> v == 0)) {
                return;
            }
            lines.append(key.day()).append('\t').append(key.agency()).append('\t').append(key.procedure()).append('\t')
                    .append(key.channel());
            for (long v : values) {
                lines.append('\t').append(v);
            }
            lines.append('\n');
        });
        return lines;
    }

    private void copy(String table, String columns, CharSequence lines) {
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            con.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin", new StringReader(lines.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not write " + table, e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }
}
