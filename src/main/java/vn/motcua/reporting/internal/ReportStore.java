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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.reporting.Measure;
import vn.motcua.reporting.internal.Contributions.Key;

/** The read model's tables: the event history, the daily and monthly counts, and one row per received dossier. */
@Repository
public class ReportStore {

    static final String COLUMNS = Arrays.stream(Measure.values()).map(Measure::column).collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;
    private final TransactionTemplate readOnly;

    ReportStore(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    // ------------------------------------------------------------------ history

    /** Serialises work on one subject across threads and nodes until the transaction ends. */
    void lock(String subject) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(subject).query(Object.class).single();
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

    List<Fact> facts(String subject) {
        return jdbc.sql("select " + FACT_COLUMNS + " from report_event where subject = ?").param(subject)
                .query((rs, i) -> fact(rs)).list();
    }

    private static final String FACT_COLUMNS = "subject, kind, at, agency, procedure, channel, due_at, n1, n2, amount, flag, detail";

    private static Fact fact(ResultSet rs) throws SQLException {
        Timestamp due = rs.getTimestamp(7);
        return new Fact(rs.getString(1), Fact.Kind.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
                rs.getString(4), rs.getString(5), rs.getString(6), due == null ? null : due.toInstant(),
                rs.getInt(8), rs.getInt(9), rs.getLong(10), rs.getBoolean(11), rs.getString(12));
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
            Fact f = fact(rs);
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

    /**
     * Sums per agency, procedure and channel over the days, whole months read from the monthly table.
     *
     * <p>A year of a large province is some 10^5 monthly rows folding into 10^4 groups (bench/README.md), so how
     * PostgreSQL sums them matters. Counts are summed as {@code int}: one row holds one agency's count of one procedure
     * and channel in one day or month, far below 2^31, and {@code sum(int)} keeps a plain bigint per group where
     * {@code sum(bigint)} accumulates a numeric (and returns one), about twice as slow and three times the memory.
     * Amounts in đồng keep {@code sum(bigint)}. The groups are hashed in memory (more work_mem, for this query only)
     * instead of sorted on disk. Each part of the period is its own range scan.
     */
    public List<Row> sums(LocalDate from, LocalDate to, List<String> agencies) {
        LocalDate firstWholeMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastWholeMonth = to.plusDays(1).withDayOfMonth(1);
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (firstWholeMonth.isBefore(afterLastWholeMonth)) {
            part(parts, params, "report_month", firstWholeMonth, afterLastWholeMonth.minusDays(1), agencies);
            if (from.isBefore(firstWholeMonth)) {
                part(parts, params, "report_day", from, firstWholeMonth.minusDays(1), agencies);
            }
            if (!afterLastWholeMonth.isAfter(to)) {
                part(parts, params, "report_day", afterLastWholeMonth, to, agencies);
            }
        } else {
            part(parts, params, "report_day", from, to, agencies);
        }
        String sql = "select agency, procedure, channel, " + SUMS + " from (" + String.join(" union all ", parts)
                + ") r group by agency, procedure, channel";
        return readOnly.execute(status -> {
            template.execute("set local work_mem = '32MB'");
            return template.query(con -> {
                PreparedStatement ps = con.prepareStatement(sql);
                for (int i = 0; i < params.size(); i++) {
                    Object p = params.get(i);
                    if (p instanceof String[] codes) {
                        ps.setArray(i + 1, con.createArrayOf("varchar", codes));
                    } else {
                        ps.setObject(i + 1, p);
                    }
                }
                return ps;
            }, (rs, i) -> {
                long[] values = new long[Measure.values().length];
                for (int m = 0; m < values.length; m++) {
                    values[m] = rs.getLong(4 + m);
                }
                return new Row(rs.getString(1), rs.getString(2), rs.getString(3), values);
            });
        });
    }

    private static final String SUMS = Arrays.stream(Measure.values())
            .map(m -> m == Measure.AMOUNT || m == Measure.AMOUNT_ONLINE ? "sum(" + m.column() + ")"
                    : "sum(" + m.column() + "::int)")
            .collect(Collectors.joining(", "));

    private static void part(List<String> parts, List<Object> params, String table, LocalDate from, LocalDate to,
                             List<String> agencies) {
        parts.add("select agency, procedure, channel, " + COLUMNS + " from " + table + " where day >= ? and day <= ?"
                + (agencies == null ? "" : " and agency = any(?)"));
        params.add(from);
        params.add(to);
        addAgencies(params, agencies);
    }

    private static void addAgencies(List<Object> params, List<String> agencies) {
        if (agencies != null) {
            params.add(agencies.toArray(String[]::new));
        }
    }

    /** Summed counts of one agency, procedure and channel. */
    public record Row(String agency, String procedure, String channel, long[] values) {
    }

    /** Every non-zero row of the daily and monthly tables, for comparing a rebuild with the live model. */
    public Map<String, List<String>> snapshot() {
        return Map.of("report_day", dump("report_day"), "report_month", dump("report_month"),
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

    void save(DossierTally t) {
        if (!t.received()) {
            return;
        }
        Instant ended = t.endedAt();
        jdbc.sql("""
                insert into report_dossier (code, agency, procedure, channel, received_at, legal_due_at, ended_at, outcome,
                    timeliness, supplements, digitised, reused, e_result, fee_paid, paid_online, satisfied)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set agency = excluded.agency, procedure = excluded.procedure,
                    channel = excluded.channel, received_at = excluded.received_at, legal_due_at = excluded.legal_due_at,
                    ended_at = excluded.ended_at, outcome = excluded.outcome, timeliness = excluded.timeliness,
                    supplements = excluded.supplements, digitised = excluded.digitised, reused = excluded.reused,
                    e_result = excluded.e_result, fee_paid = excluded.fee_paid, paid_online = excluded.paid_online,
                    satisfied = excluded.satisfied""")
                .params(dossierRow(t, ended)).update();
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
        return row;
    }

    // ------------------------------------------------------------------ rebuild

    void clear() {
        jdbc.sql("lock table report_event in share row exclusive mode").update();
        jdbc.sql("truncate report_day, report_month, report_dossier").update();
    }

    /** Writes the counts of a rebuild with COPY: one pass, no per-row round trips. */
    void copyCounts(Contributions all) {
        copy("report_day", "day, agency, procedure, channel, " + COLUMNS, countLines(all));
        copy("report_month", "day, agency, procedure, channel, " + COLUMNS, countLines(all.byMonth()));
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
                + "timeliness, supplements, digitised, reused, e_result, fee_paid, paid_online, satisfied", lines);
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
